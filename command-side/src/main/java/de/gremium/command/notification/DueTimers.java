package de.gremium.command.notification;

import de.gremium.events.group.NotificationKind;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.recommendation.MayorsDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles the timers that are due: each in a transaction of its own, claimed so that no other process handles it too,
 * it reads the current facts from the record, adds its letters to the outbox (keys {@code <timer key>/<recipient>}) and
 * notes its outcome. A reminder whose reason is gone (the poll was decided, the meeting moved or called off, the
 * decision replaced) sends nothing and says why.
 */
@Component
class DueTimers {

    private static final Logger log = LoggerFactory.getLogger(DueTimers.class);

    private final NotificationTimers timers;
    private final RecordFacts facts;
    private final Mailing mailing;
    private final Letters letters;
    private final NotificationProperties settings;
    private final TransactionTemplate transaction;

    DueTimers(NotificationTimers timers, RecordFacts facts, Mailing mailing, Letters letters, NotificationProperties settings,
            PlatformTransactionManager transactionManager) {
        this.timers = timers;
        this.facts = facts;
        this.mailing = mailing;
        this.letters = letters;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Handles every timer due at {@code now}; one whose handling fails stays due and is tried again next time.
     *
     * @return how many were handled
     */
    int fireDue(Instant now) {
        Set<Long> failed = new HashSet<>();
        int handled = 0;
        while (true) {
            Optional<Boolean> done;
            int failedBefore = failed.size();
            try {
                done = Optional.ofNullable(transaction.execute(status -> timers.claimDue(now, failed).map(timer -> {
                    try {
                        timers.handled(timer, fire(timer));
                        return true;
                    } catch (RuntimeException e) {
                        failed.add(timer.id());
                        throw e;
                    }
                }).orElse(false)));
            } catch (RuntimeException e) {
                if (failed.size() == failedBefore) {
                    throw e; // not a timer's handling: the record itself is away, try again next round
                }
                log.warn("A notification timer could not be handled; it stays due and is tried again: {}", e.toString());
                continue;
            }
            if (!done.orElse(false)) {
                return handled;
            }
            handled++;
        }
    }

    private String fire(NotificationTimers.Timer timer) {
        switch (timer.kind()) {
            case POLL_REMINDER:
                return pollReminder(timer);
            case AGENDA:
                return agenda(timer);
            case REVIEW_DATE:
                return reviewDate(timer);
            default:
                throw new IllegalStateException("unknown timer kind " + timer.kind());
        }
    }

    private String pollReminder(NotificationTimers.Timer timer) {
        PollFacts poll = PollFacts.of(facts.stream(timer.subjectId()));
        if (!poll.exists()) {
            return "Umfrage nicht gefunden";
        }
        if (poll.fixed()) {
            return "Termin bereits festgelegt";
        }
        NotificationKind kind = NotificationKind.SCHEDULING_POLLS;
        List<Recipient> open = mailing.members(facts.group(), kind).stream()
                .filter(r -> poll.answered().stream().noneMatch(m -> m.value().equals(r.id()))).toList();
        if (open.isEmpty()) {
            return "alle haben geantwortet";
        }
        MeetingFacts meeting = MeetingFacts.of(poll.meetingId() == null ? List.of() : facts.stream(poll.meetingId().value()));
        return sent(mailing.post(timer.dedupKey() + "/", kind, open, letters.pollReminder(poll, meeting), null));
    }

    private String agenda(NotificationTimers.Timer timer) {
        MeetingFacts meeting = MeetingFacts.of(facts.stream(timer.subjectId()));
        if (meeting.status == MeetingStatus.CANCELLED) {
            return "abgesagt";
        }
        if (meeting.status == MeetingStatus.HELD) {
            return "bereits abgehalten";
        }
        if (meeting.status != MeetingStatus.SCHEDULED || !timer.forInstant().equals(meeting.start)) {
            return "verschoben";
        }
        NotificationKind kind = NotificationKind.AGENDAS;
        List<Recipient> people = new ArrayList<>(mailing.members(facts.group(), kind));
        people.addAll(mailing.guests(meeting));
        return sent(mailing.post(timer.dedupKey() + "/", kind, people, letters.agenda(meeting), null));
    }

    private String reviewDate(NotificationTimers.Timer timer) {
        RecommendationFacts recommendation = RecommendationFacts.of(facts.stream(timer.subjectId()));
        boolean stillDeferred = recommendation.decision() == MayorsDecision.DEFERRED && recommendation.reviewDate() != null
                && recommendation.reviewDate().atTime(settings.reviewReminderTime()).atZone(settings.zone()).toInstant()
                        .equals(timer.forInstant());
        if (!stillDeferred) {
            return "durch eine spätere Entscheidung ersetzt";
        }
        GroupMembers group = facts.group();
        NotificationKind kind = NotificationKind.REVIEW_DATES;
        List<Recipient> coordinator = group.activeCoordinator()
                .flatMap(c -> mailing.member(group, c.id(), kind)).stream().toList();
        if (coordinator.isEmpty()) {
            return "keine Koordination mit E-Mail-Adresse";
        }
        return sent(mailing.post(timer.dedupKey() + "/", kind, coordinator, letters.reviewDate(recommendation), null));
    }

    private static String sent(int letters) {
        return letters == 1 ? "1 E-Mail" : letters + " E-Mails";
    }
}

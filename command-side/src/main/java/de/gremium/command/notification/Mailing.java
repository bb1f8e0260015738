package de.gremium.command.notification;

import de.gremium.events.group.MemberId;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.meeting.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Who gets a letter and how (the person's choice for its kind), and putting the letters into the {@link Outbox}: one
 * row per recipient, at most once per key. Withdrawn members, anyone without a usable address and anyone who chose
 * "gar nicht" for the kind get nothing; guests (no account, no settings) get their meeting's letters immediately.
 */
@Component
class Mailing {

    private final Outbox outbox;
    private final Letters letters;

    Mailing(Outbox outbox, Letters letters) {
        this.outbox = outbox;
        this.letters = letters;
    }

    List<Recipient> members(GroupMembers group, NotificationKind kind) {
        return group.active().stream().map(m -> recipient(m, kind)).flatMap(Optional::stream).toList();
    }

    Optional<Recipient> member(GroupMembers group, MemberId memberId, NotificationKind kind) {
        return group.member(memberId).filter(GroupMembers.Member::active).flatMap(m -> recipient(m, kind));
    }

    List<Recipient> guests(MeetingFacts meeting) {
        List<Recipient> guests = new ArrayList<>();
        for (Guest guest : meeting.guests.values()) {
            guest(meeting, guest).ifPresent(guests::add);
        }
        return guests;
    }

    Optional<Recipient> guest(MeetingFacts meeting, Guest guest) {
        if (!Addresses.usable(guest.email())) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(Outbox.GUEST_PREFIX + guest.guestId().value(), guest.name(), guest.email(),
                NotificationDelivery.IMMEDIATELY, meeting.label()));
    }

    private static Optional<Recipient> recipient(GroupMembers.Member member, NotificationKind kind) {
        NotificationDelivery delivery = member.delivery(kind);
        if (delivery == NotificationDelivery.NEVER || !Addresses.usable(member.email())) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(member.id().value(), member.name(), member.email(), delivery, null));
    }

    /**
     * Puts the letter, addressed to each recipient, into the outbox under the key {@code keyPrefix + recipient id};
     * {@code calendar} gives the recipient's invitation (or null).
     *
     * @return how many were added (a key already there adds nothing)
     */
    int post(String keyPrefix, NotificationKind kind, List<Recipient> recipients, Letter letter,
            Function<Recipient, String> calendar, String causeEventId) {
        int added = 0;
        for (Recipient recipient : recipients) {
            Letter.Draft draft = letter.to(recipient, letters.settingsUrl());
            if (outbox.enqueue(new OutboxLetter(keyPrefix + recipient.id(), kind.name(), recipient.id(), recipient.name(),
                    recipient.address(), recipient.delivery(), draft.subject(), draft.text(), draft.html(),
                    calendar.apply(recipient), causeEventId))) {
                added++;
            }
        }
        return added;
    }

    int post(String keyPrefix, NotificationKind kind, List<Recipient> recipients, Letter letter, String causeEventId) {
        return post(keyPrefix, kind, recipients, letter, recipient -> null, causeEventId);
    }
}

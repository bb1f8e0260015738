package de.gremium.command.privacy;

import de.gremium.command.group.GroupDirectory;
import de.gremium.command.group.GroupFacts;
import de.gremium.command.messaging.AggregateCaches;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.notification.Outbox;
import de.gremium.command.problem.ProblemReport;
import de.gremium.events.group.MemberId;
import de.gremium.events.privacy.ErasePersonalData;
import de.gremium.events.privacy.EraseProblemReportText;
import de.gremium.events.privacy.ErasureId;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erasure by crypto-shredding (docs/adr/0007-crypto-shredding.md): in one transaction the erasure's event is stored
 * and the keys are deleted, with the snapshots (aggregate state in plaintext) and the plaintext copies the command
 * side keeps beside the record; the aggregate caches are emptied once it committed.
 */
@Component
class Erasures {

    /** What a dead letter's cause reads after an erasure. */
    static final String CAUSE_REMOVED = "entfernt bei einer Löschung";

    private final CommandDispatcher commands;
    private final GroupDirectory group;
    private final Repository<ProblemReport> reports;
    private final PersonalDataKeys keys;
    private final JdbcTemplate jdbc;
    private final AggregateCaches caches;
    private final Outbox outbox;
    private final Clock clock;

    Erasures(CommandDispatcher commands, GroupDirectory group, @Qualifier("problemReportRepository") Repository<ProblemReport> reports,
            PersonalDataKeys keys, DataSource dataSource, AggregateCaches caches, Outbox outbox, Clock clock) {
        this.commands = commands;
        this.group = group;
        this.reports = reports;
        this.keys = keys;
        this.jdbc = new JdbcTemplate(dataSource);
        this.caches = caches;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void erasePerson(ErasureId erasureId, String userId, String erasedBy) {
        MemberId person = new MemberId(userId);
        GroupFacts facts = group.require();
        if (facts.isMember(person) || person.equals(facts.coordinator()) || person.equals(facts.mayorsOfficeSeat())) {
            throw Refusal.conflict("userId", userId + " is still a member of the group (or holds a seat); withdraw them first.");
        }
        if (!keys.holdsKeysOf(userId)) {
            throw Refusal.notFound("Person " + userId + " (nothing is stored about them, or it was erased already)");
        }
        commands.send(new ErasePersonalData(erasureId, person, erasedBy, clock.instant()));
        // from here no letter to them is added (Outbox.enqueue takes the writers' share and finds no key after commit)
        keys.lockForErasure();
        // the guests they invited are erased with them (their keys are the person's items): so are the e-mails to them
        outbox.forgetGuests(guestId -> keys.ownsItem(userId, guestId));
        keys.erasePerson(userId);
        // what the command side keeps beside the record in plaintext
        jdbc.update("UPDATE blocked_calendar_source SET last_synced_by = ? WHERE last_synced_by = ?", PersonalData.ERASED_PERSON, userId);
        // a dead letter's cause may quote any name or text, not only the user id: all causes go (the letters stay)
        jdbc.update("UPDATE dead_letter_entry SET cause_message = ? WHERE cause_message IS NOT NULL", CAUSE_REMOVED);
        // the e-mails to them, sent or not: their address and what they were told
        outbox.forget(userId);
        // the letters to others that will never be sent as they are may quote them: emptied (PENDING ones go out)
        outbox.forgetUnsentContent();
        forgetPlaintextState();
    }

    @Transactional
    public void eraseReportText(ErasureId erasureId, ProblemReportId reportId, String reason, String erasedBy) {
        if (AggregateReader.read(reports, reportId.value(), report -> Boolean.TRUE).isEmpty()) {
            throw Refusal.notFound("problem report " + reportId.value());
        }
        if (!keys.holdsKeysOfItem(reportId.value())) {
            throw Refusal.conflict("The text of problem report " + reportId.value() + " was erased already.");
        }
        commands.send(new EraseProblemReportText(erasureId, reportId, reason, erasedBy, clock.instant()));
        keys.eraseItem(reportId.value());
        // a letter about the report that will never be sent as it is may quote its text: emptied
        outbox.forgetUnsentContent();
        forgetPlaintextState();
    }

    /** Snapshots hold aggregate state as read, in plaintext: all go (aggregates are read from their events again). */
    private void forgetPlaintextState() {
        jdbc.update("DELETE FROM snapshot_event_entry");
        caches.evictAll();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                caches.evictAll();
            }
        });
    }
}

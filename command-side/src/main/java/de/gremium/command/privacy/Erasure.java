package de.gremium.command.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.events.privacy.ErasePersonalData;
import de.gremium.events.privacy.EraseProblemReportText;
import de.gremium.events.privacy.ErasureId;
import de.gremium.events.privacy.PersonalDataErased;
import de.gremium.events.privacy.ProblemReportTextErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One erasure under the data-protection rights. Its event names no one: the person (or report) is in the command,
 * which is never stored; the keys are deleted by {@link Erasures} in the same transaction.
 */
@Aggregate(cache = "aggregateCache")
public class Erasure {

    @AggregateIdentifier
    private ErasureId erasureId;

    protected Erasure() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Erasure(ErasePersonalData command) {
        apply(new PersonalDataErased(command.erasureId(), command.erasedAt()));
    }

    @CommandHandler
    public Erasure(EraseProblemReportText command) {
        apply(new ProblemReportTextErased(command.erasureId(), command.reportId(), command.erasedAt()),
                MetaData.with(ProblemReportTextErased.REASON, command.reason()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erasureId = event.erasureId();
    }

    @EventSourcingHandler
    void on(ProblemReportTextErased event) {
        erasureId = event.erasureId();
    }
}

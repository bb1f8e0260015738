package de.gremium.command.network;

import static de.gremium.platform.refusal.Refusal.invalid;
import static de.gremium.command.network.NetworkProjectRules.completedNotBeforeStart;
import static de.gremium.command.network.NetworkProjectRules.describedAndTagged;
import static de.gremium.command.network.NetworkProjectRules.endNotBeforeStart;
import static de.gremium.command.network.NetworkProjectRules.plannedOrRunning;
import static de.gremium.command.network.NetworkProjectRules.stillOpen;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.PolicyField;
import de.gremium.events.network.AnnounceNetworkProject;
import de.gremium.events.network.CompleteNetworkProject;
import de.gremium.events.network.DropNetworkProject;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.UpdateNetworkProject;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A running or planned project of one of the integration network's working groups, as the coordinator
 * channels it into the group: announced, updated, and at last completed or dropped.
 */
@Aggregate(cache = "aggregateCache")
public class NetworkProject {

    @AggregateIdentifier
    private NetworkProjectId projectId;
    private NetworkProjectStatus status;
    private Details details;

    protected NetworkProject() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public NetworkProject(AnnounceNetworkProject command) {
        if (command.workingGroup() == null) {
            throw invalid("workingGroup", "a working group of the network is required");
        }
        describedAndTagged(command.title(), command.description(), command.policyFields(), command.contact());
        plannedOrRunning(command.status());
        endNotBeforeStart(command.startDate(), command.endDate());
        apply(new NetworkProjectAnnounced(command.projectId(), command.workingGroup(), command.title(),
                command.description(), command.policyFields(), command.status(), command.startDate(), command.endDate(),
                command.contact(), command.announcedBy(), command.announcedAt()));
    }

    @CommandHandler
    void handle(UpdateNetworkProject command) {
        stillOpen(status);
        describedAndTagged(command.title(), command.description(), command.policyFields(), command.contact());
        plannedOrRunning(command.status());
        endNotBeforeStart(command.startDate(), command.endDate());
        if (command.status() == status && details.equals(Details.of(command))) {
            return; // nothing changed: a feed entry "aktualisiert" would tell readers nothing
        }
        apply(new NetworkProjectUpdated(projectId, command.title(), command.description(), command.policyFields(),
                command.status(), command.startDate(), command.endDate(), command.contact(), command.updatedBy(),
                command.updatedAt()));
    }

    @CommandHandler
    void handle(CompleteNetworkProject command) {
        stillOpen(status);
        TextKind.TEXT.require("summary", command.summary());
        completedNotBeforeStart(details.startDate(), command.completedOn());
        apply(new NetworkProjectCompleted(projectId, command.summary(), command.completedOn(), command.recordedBy(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(DropNetworkProject command) {
        stillOpen(status);
        TextKind.TEXT.require("reason", command.reason());
        apply(new NetworkProjectDropped(projectId, command.reason(), command.recordedBy(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(NetworkProjectAnnounced event) {
        projectId = event.projectId();
        status = event.status();
        details = new Details(event.title(), event.description(), event.policyFields(), event.startDate(),
                event.endDate(), event.contact());
    }

    @EventSourcingHandler
    void on(NetworkProjectUpdated event) {
        status = event.status();
        details = new Details(event.title(), event.description(), event.policyFields(), event.startDate(),
                event.endDate(), event.contact());
    }

    @EventSourcingHandler
    void on(NetworkProjectCompleted event) {
        status = NetworkProjectStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(NetworkProjectDropped event) {
        status = NetworkProjectStatus.DROPPED;
    }

    /** What an update may change besides the status; compared to tell a real change from a repeat. */
    private record Details(String title, String description, Set<PolicyField> policyFields, LocalDate startDate,
            LocalDate endDate, String contact) {

        static Details of(UpdateNetworkProject command) {
            return new Details(command.title(), command.description(), command.policyFields(), command.startDate(),
                    command.endDate(), command.contact());
        }
    }
}

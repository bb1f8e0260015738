package de.gremium.command.network;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.values.TextKind;
import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import java.time.LocalDate;
import java.util.Set;

/** What the coordinator may record about a project of the integration network, named once. */
final class NetworkProjectRules {

    private NetworkProjectRules() {
    }

    /** Title and description are required, the contact is optional, and at least one policy field is tagged. */
    static void describedAndTagged(String title, String description, Set<PolicyField> policyFields, String contact) {
        TextKind.TITLE.require("title", title);
        TextKind.TEXT.require("description", description);
        if (policyFields.isEmpty()) {
            throw invalid("policyFields", "at least one policy field is required");
        }
        TextKind.CONTACT.optional("contact", contact);
    }

    /**
     * The coordinator records running and planned projects; an update keeps them so. Completion and
     * dropping are commands of their own, so that they carry their summary or reason.
     */
    static void plannedOrRunning(NetworkProjectStatus status) {
        if (status != NetworkProjectStatus.PLANNED && status != NetworkProjectStatus.RUNNING) {
            throw invalid("status", "status must be PLANNED or RUNNING; record a completion or a dropping instead of "
                    + status);
        }
    }

    static void endNotBeforeStart(LocalDate startDate, LocalDate endDate) {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw invalid("endDate", "endDate " + endDate + " lies before startDate " + startDate);
        }
    }

    static void completedNotBeforeStart(LocalDate startDate, LocalDate completedOn) {
        if (completedOn == null) {
            throw invalid("completedOn", "completedOn is required");
        }
        if (startDate != null && completedOn.isBefore(startDate)) {
            throw invalid("completedOn", "completedOn " + completedOn + " lies before startDate " + startDate);
        }
    }

    /** A completed or dropped project is history: it changes no more, and ends only once. */
    static void stillOpen(NetworkProjectStatus status) {
        if (status == NetworkProjectStatus.COMPLETED || status == NetworkProjectStatus.DROPPED) {
            throw conflict("The project is " + status + " and can no longer change.");
        }
    }
}

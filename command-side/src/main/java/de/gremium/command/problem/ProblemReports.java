package de.gremium.command.problem;

import de.gremium.command.group.GroupDirectory;
import de.gremium.command.group.GroupFacts;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Submits a problem report with the one fact it needs from the group: the unit it names is one of the group's. */
@Component
class ProblemReports {

    private final CommandDispatcher commands;
    private final GroupDirectory group;
    private final Clock clock;

    ProblemReports(CommandDispatcher commands, GroupDirectory group, Clock clock) {
        this.commands = commands;
        this.group = group;
        this.clock = clock;
    }

    void submit(ProblemReportId id, String title, String description, String unit, Set<PolicyField> policyFields,
            String submittedBy) {
        GroupFacts facts = group.require();
        if (!facts.isActiveUnit(unit)) {
            throw Refusal.invalid("unit", "'" + unit + "' is not an organisational unit of the group; active: "
                    + new TreeSet<>(facts.activeUnits().keySet()));
        }
        commands.send(new SubmitProblemReport(id, title, description, unit, policyFields, submittedBy, clock.instant()));
    }
}

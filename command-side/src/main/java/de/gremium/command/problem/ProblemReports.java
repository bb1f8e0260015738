package de.gremium.command.problem;

import de.gremium.command.group.GroupDirectory;
import de.gremium.command.group.GroupFacts;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.AddProblemReportDetails;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProposeSolution;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The report commands that need facts from the group: whoever submits, adds details or proposes a solution is an
 * appointed member (or the coordinator), and the unit a report names is one of the group's.
 */
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
            String submittedBy, boolean coordinator) {
        group.requireContributor(submittedBy, coordinator);
        GroupFacts facts = group.require();
        if (!facts.isActiveUnit(unit)) {
            throw Refusal.invalid("unit", "'" + unit + "' is not an organisational unit of the group; active: "
                    + new TreeSet<>(facts.activeUnits().keySet()));
        }
        commands.send(new SubmitProblemReport(id, title, description, unit, policyFields, submittedBy, clock.instant()));
    }

    void addDetails(ProblemReportId id, String details, String addedBy, boolean coordinator, Long expectedVersion) {
        group.requireContributor(addedBy, coordinator);
        commands.send(new AddProblemReportDetails(id, details, addedBy, clock.instant(), expectedVersion));
    }

    void propose(ProblemReportId id, SolutionProposalId proposalId, String proposal, String proposedBy, boolean coordinator,
            Long expectedVersion) {
        group.requireContributor(proposedBy, coordinator);
        commands.send(new ProposeSolution(id, proposalId, proposal, proposedBy, clock.instant(), expectedVersion));
    }
}

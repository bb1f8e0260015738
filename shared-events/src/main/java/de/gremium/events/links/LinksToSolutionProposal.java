package de.gremium.events.links;

import de.gremium.events.problem.SolutionProposalId;

/** The event concerns one solution proposal made to a problem report. */
public interface LinksToSolutionProposal {

    SolutionProposalId proposalId();
}

package de.gremium.command.idea;

import de.gremium.command.NotPermitted;

/** Only the proposer of an idea, or the coordinator, may revise or withdraw it. */
public class NotTheProposer extends NotPermitted {

    public NotTheProposer(String userId) {
        super("Only the proposer of this idea or the coordinator can change it; " + userId + " is neither.");
    }
}

package de.gremium.command.problem;

/** Only the member who submitted a report may change its content; the edge answers 403. */
public class NotTheAuthor extends de.gremium.command.NotPermitted {

    public NotTheAuthor(String userId) {
        super("Only the author of this report can change it; " + userId + " is not.");
    }
}

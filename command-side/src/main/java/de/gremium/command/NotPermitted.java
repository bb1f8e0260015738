package de.gremium.command;

/** The actor's role allows the command in general, but not on this aggregate (e.g. not its author): 403. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}

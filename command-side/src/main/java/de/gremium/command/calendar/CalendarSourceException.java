package de.gremium.command.calendar;

/**
 * A calendar source could not be read: unreachable, answering with an error, too large, or not what
 * its format promises. Nothing was recorded. The edge answers 502 for fetched sources and 400 for an
 * uploaded file, since then the caller sent the malformed content.
 */
public class CalendarSourceException extends RuntimeException {

    private final String source;

    public CalendarSourceException(String source, String message) {
        super(message);
        this.source = source;
    }

    public CalendarSourceException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** The URL (or upload name) of the source that failed. */
    public String source() {
        return source;
    }
}

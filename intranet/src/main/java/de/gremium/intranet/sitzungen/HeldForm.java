package de.gremium.intranet.sitzungen;

import java.util.ArrayList;
import java.util.List;

/** Record that the meeting took place ({@code POST /api/meetings/{id}/held}): who was there, and the minutes. */
public class HeldForm {

    private String idempotencyKey;
    private List<String> attendees = new ArrayList<>();
    private List<String> guestsPresent = new ArrayList<>();
    private String minutes;

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public List<String> getAttendees() {
        return attendees;
    }

    public void setAttendees(List<String> attendees) {
        this.attendees = attendees == null ? new ArrayList<>() : attendees;
    }

    public List<String> getGuestsPresent() {
        return guestsPresent;
    }

    public void setGuestsPresent(List<String> guestsPresent) {
        this.guestsPresent = guestsPresent == null ? new ArrayList<>() : guestsPresent;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }
}

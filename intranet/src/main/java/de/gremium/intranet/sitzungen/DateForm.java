package de.gremium.intranet.sitzungen;

/**
 * Date a meeting ({@code POST /api/meetings/{id}/schedule}) or move it ({@code …/reschedule}, with a reason).
 * {@code start} as typed ({@code 2027-04-07T13:00} from the browser's picker, or {@code 07.04.2027 13:00});
 * {@code override.reason} keeps a date that clashes with the blocked calendar.
 */
public class DateForm {

    private String idempotencyKey;
    private String start;
    private String location;
    private String reason;
    private Override override = new Override();

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Override getOverride() {
        return override;
    }

    public void setOverride(Override override) {
        this.override = override == null ? new Override() : override;
    }

    /** Why a clashing date is kept. */
    public static class Override {

        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}

package de.gremium.intranet.sitzungen;

/** Put a meeting on the work plan ({@code POST /api/meetings}); property names are the API's. */
public class PlanForm {

    private String idempotencyKey;
    private String quarter = "1";
    private String kind = "REGULAR";
    private String title;
    private String durationMinutes = "60";

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getQuarter() {
        return quarter;
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(String durationMinutes) {
        this.durationMinutes = durationMinutes;
    }
}

package de.gremium.intranet.sitzungen;

/** Cancel the meeting ({@code POST /api/meetings/{id}/cancellation}), after the coordinator confirmed it. */
public class CancelForm {

    private String idempotencyKey;
    private String reason;
    private boolean bestaetigt;

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isBestaetigt() {
        return bestaetigt;
    }

    public void setBestaetigt(boolean bestaetigt) {
        this.bestaetigt = bestaetigt;
    }
}

package de.gremium.intranet.sitzungen;

/** Fix the meeting's date on one candidate ({@code POST /api/scheduling-polls/{id}/fixed-date}); closes the poll. */
public class FixForm {

    private String idempotencyKey;
    private String candidateId;
    private boolean bestaetigt;

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getCandidateId() {
        return candidateId;
    }

    public void setCandidateId(String candidateId) {
        this.candidateId = candidateId;
    }

    public boolean isBestaetigt() {
        return bestaetigt;
    }

    public void setBestaetigt(boolean bestaetigt) {
        this.bestaetigt = bestaetigt;
    }
}

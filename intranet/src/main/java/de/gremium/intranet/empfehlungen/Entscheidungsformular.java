package de.gremium.intranet.empfehlungen;

/**
 * The mayor's office records the Lord Mayor's decision ({@code POST /api/recommendations/{id}/decision}):
 * {@code decision}, {@code reasons} and {@code reviewDate} as the API names them; the review date typed as
 * TT.MM.JJJJ (or JJJJ-MM-TT). {@code bestaetigt} is the intranet's own confirmation step, never sent;
 * {@code version} is the recommendation's version the page showed, to wait for the next.
 */
public class Entscheidungsformular implements Formular {

    private String decision;
    private String reasons;
    private String reviewDate;
    private boolean bestaetigt;
    private long version;

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(String reviewDate) {
        this.reviewDate = reviewDate;
    }

    public boolean isBestaetigt() {
        return bestaetigt;
    }

    public void setBestaetigt(boolean bestaetigt) {
        this.bestaetigt = bestaetigt;
    }

    @Override
    public long getVersion() {
        return version;
    }

    @Override
    public void setVersion(long version) {
        this.version = version;
    }
}

package de.gremium.intranet.empfehlungen;

/**
 * The coordinator submits a recommendation to the Lord Mayor ({@code POST /api/recommendations/{id}/submission})
 * with an optional {@code note}; {@code version} is the one the page showed.
 */
public class Vorlageformular implements Formular {

    private String note;
    private long version;

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
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

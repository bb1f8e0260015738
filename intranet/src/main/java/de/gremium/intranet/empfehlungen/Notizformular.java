package de.gremium.intranet.empfehlungen;

/**
 * A form whose only field is an optional {@code note}: the coordinator submits a recommendation to the Lord Mayor
 * ({@code POST /api/recommendations/{id}/submission}), a member withdraws their own objection
 * ({@code …/objections/{objectionId}/withdrawal}); {@code version} is the one the page showed.
 */
public class Notizformular implements Formular {

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

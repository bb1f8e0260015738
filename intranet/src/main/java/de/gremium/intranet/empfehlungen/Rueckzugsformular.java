package de.gremium.intranet.empfehlungen;

/**
 * A member withdraws their own objection ({@code …/objections/{objectionId}/withdrawal}) with an optional {@code
 * note}.
 */
public class Rueckzugsformular implements Formular {

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

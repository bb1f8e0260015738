package de.gremium.intranet.empfehlungen;

/**
 * The coordinator records a guest's comment ({@code POST /api/deliberations/{id}/guest-comments}): {@code guestId}
 * and {@code comment}.
 */
public class Gastbeitragsformular implements Formular {

    private String guestId;
    private String comment;
    private long version;

    public String getGuestId() {
        return guestId;
    }

    public void setGuestId(String guestId) {
        this.guestId = guestId;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
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

package de.gremium.intranet.pruefung;

/**
 * Whose history to show: {@code art} {@code vorgang} (an item's id: a report, a meeting, a recommendation …) or
 * {@code person} (a user id), and {@code kennung}, the id.
 */
public class AuditQuery {

    private String art = "vorgang";
    private String kennung;

    public String getArt() {
        return art;
    }

    public void setArt(String art) {
        this.art = "person".equals(art) ? "person" : "vorgang";
    }

    public String getKennung() {
        return kennung;
    }

    public void setKennung(String kennung) {
        this.kennung = kennung == null ? null : kennung.strip();
    }

    public boolean isPerson() {
        return "person".equals(art);
    }
}

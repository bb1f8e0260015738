package de.gremium.intranet.suche;

/**
 * The search as typed: the words ({@code q}), and optionally a kind ({@code art}), a policy field ({@code feld}) and
 * the year an item belongs to ({@code jahr}).
 */
public class SearchQuery {

    private String q;
    private String art;
    private String feld;
    private String jahr;

    public String getJahr() {
        return jahr;
    }

    public void setJahr(String jahr) {
        this.jahr = jahr == null ? null : jahr.strip();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getArt() {
        return art;
    }

    public void setArt(String art) {
        this.art = art;
    }

    public String getFeld() {
        return feld;
    }

    public void setFeld(String feld) {
        this.feld = feld;
    }
}

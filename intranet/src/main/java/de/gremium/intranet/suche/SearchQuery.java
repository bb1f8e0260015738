package de.gremium.intranet.suche;

/** The search as typed: the words ({@code q}), a kind ({@code art}) and a policy field ({@code feld}), both optional. */
public class SearchQuery {

    private String q;
    private String art;
    private String feld;

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

package de.gremium.intranet.empfehlungen;

/**
 * The coordinator records consensus ({@code POST /api/deliberations/{id}/consensus}, no body) after confirming it
 * ({@code bestaetigt}, the intranet's own step).
 */
public class Konsensformular implements Formular {

    private boolean bestaetigt;
    private long version;

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

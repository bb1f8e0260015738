package de.gremium.intranet.empfehlungen;

/**
 * A member present raises an objection to the draft ({@code POST /api/deliberations/{id}/objections}) with a
 * {@code reason}; {@code version} is the deliberation's version the page showed.
 */
public class Einwandformular implements Formular {

    private String reason;
    private long version;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
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

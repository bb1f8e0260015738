package de.gremium.intranet.empfehlungen;

/**
 * The coordinator amends the draft ({@code POST /api/deliberations/{id}/amendments}): the new {@code text} and the
 * objections it {@code resolves}.
 */
public class Aenderungsformular implements Formular {

    private String text;
    private java.util.List<String> resolves;
    private long version;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public java.util.List<String> getResolves() {
        return resolves;
    }

    public void setResolves(java.util.List<String> resolves) {
        this.resolves = resolves;
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

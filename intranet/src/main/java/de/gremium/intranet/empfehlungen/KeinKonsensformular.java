package de.gremium.intranet.empfehlungen;

/**
 * The coordinator records that the group could not agree ({@code POST /api/deliberations/{id}/no-consensus}), with
 * the {@code positions}.
 */
public class KeinKonsensformular implements Formular {

    private String positions;
    private long version;

    public String getPositions() {
        return positions;
    }

    public void setPositions(String positions) {
        this.positions = positions;
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

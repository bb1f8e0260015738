package de.gremium.intranet.bericht;

/**
 * The period of the report as typed: {@code from} and {@code to} (the API's names; the page's parameters are
 * {@code von} and {@code bis}), each {@code TT.MM.JJJJ} or {@code JJJJ-MM-TT}.
 */
public class ReportPeriod {

    private String from;
    private String to;

    public ReportPeriod() {
    }

    ReportPeriod(String from, String to) {
        this.from = from == null ? null : from.strip();
        this.to = to == null ? null : to.strip();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    boolean isEmpty() {
        return (from == null || from.isEmpty()) && (to == null || to.isEmpty());
    }
}

package de.gremium.intranet.probleme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report form; property names are the command API's ({@code ProblemReportRequests.Submit}). */
public class BerichtFormular {

    /** The fields in the form's order with their German labels, for the refusal's error summary. */
    static final Map<String, String> LABELS = labels();

    private String title = "";
    private String description = "";
    private String unit = "";
    private List<String> policyFields = new ArrayList<>();

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", "Titel");
        labels.put("description", "Beschreibung");
        labels.put("unit", "Organisationseinheit");
        labels.put("policyFields", "Politikfelder");
        return labels;
    }

    /** The command's body, the texts as typed (the API decides what is acceptable). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("unit", unit);
        body.put("policyFields", policyFields);
        return body;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public List<String> getPolicyFields() {
        return policyFields;
    }

    public void setPolicyFields(List<String> policyFields) {
        this.policyFields = policyFields == null ? new ArrayList<>() : new ArrayList<>(policyFields);
    }
}

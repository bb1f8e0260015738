package de.gremium.intranet.web;

import de.gremium.intranet.api.ApiProblem;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;

/**
 * Puts an API's refusal into a form's {@link BindingResult}: each {@code errors[].field} that the form has becomes a
 * field error beside that field (German text, {@link RefusalTexts}), the English original kept as the error's
 * default message's argument; everything else (headers such as {@code If-Match}, {@code $}, unknown names, a
 * {@code detail} without fields) becomes an error of the form as a whole.
 *
 * <p>Field names are the API's JSON names. An index on a multi-value field ({@code policyFields[0]}) means the
 * field itself; a path into nested objects ({@code targets[1].baselinePeriod}) stays as it is.
 */
// The German text is the error's default message, given without arguments: with arguments Spring would run it through
// MessageFormat once more, and an apostrophe in a quoted reason ('from', 'Stadtrat') would swallow text.
public final class FormRefusal {

    private static final Pattern TRAILING_INDEX = Pattern.compile("\\[\\d+]$");

    private FormRefusal() {
    }

    /**
     * @param labels the form's fields by their API names, with their German labels, in the form's order (a
     *        {@code LinkedHashMap}; the error summary lists the errors in this order, field-less ones last)
     */
    public static void bind(ApiProblem problem, BindingResult form, Map<String, String> labels, RefusalTexts texts) {
        boolean anyField = false;
        // in the form's order, so that the error summary reads top to bottom as the form does
        java.util.List<String> order = new java.util.ArrayList<>(labels.keySet());
        java.util.List<ApiProblem.FieldError> errors = new java.util.ArrayList<>(problem.errors());
        errors.sort(java.util.Comparator.comparingInt(e -> {
            int at = order.indexOf(fieldOf(e.field(), labels));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        for (ApiProblem.FieldError error : errors) {
            String field = fieldOf(error.field(), labels);
            if (field != null) {
                form.rejectValue(field, "api", null,
                        texts.forField(problem, error.reason(), labels.get(field)));
                anyField = true;
            } else {
                form.reject("api", null, texts.forField(problem, error.reason(), error.field()));
            }
        }
        if (!anyField && problem.errors().isEmpty()) {
            form.reject("api", null, texts.forForm(problem));
        }
    }

    static String fieldOf(String apiField, Map<String, String> labels) {
        if (apiField == null) {
            return null;
        }
        if (labels.containsKey(apiField)) {
            return apiField;
        }
        String withoutIndex = TRAILING_INDEX.matcher(apiField).replaceFirst("");
        return labels.containsKey(withoutIndex) ? withoutIndex : null;
    }
}

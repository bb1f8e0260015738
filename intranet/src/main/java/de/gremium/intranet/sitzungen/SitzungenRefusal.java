package de.gremium.intranet.sitzungen;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.RefusalTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The meeting and poll rules' refusals in German, beside their fields. The reasons only these pages meet (a clash
 * with the blocked calendar naming the sessions, a candidate that is no longer in the poll, the hour a meeting may
 * last …) get the texts of the area's bundle ({@code sitzungen.ablehnung.*}); every other reason goes to the
 * intranet's common {@link FormRefusal}.
 */
@Component
class SitzungenRefusal {

    /** A reason pattern; its groups become the message's arguments after the field's label. */
    record Rule(Pattern pattern, String key) {
        static Rule of(String regex, String key) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), key);
        }
    }

    static final List<Rule> RULES = List.of(
            Rule.of("clashes with the blocked calendar: (.+?)\\. Choose another date", "sitzungen.ablehnung.kollision"),
            Rule.of("answer at least one candidate", "sitzungen.ablehnung.antworten"),
            Rule.of("is not a candidate of this poll", "sitzungen.ablehnung.keinkandidat"),
            Rule.of("lasts 1 to (\\d+) minutes", "sitzungen.ablehnung.dauer"),
            Rule.of("already is a regular meeting", "sitzungen.ablehnung.regulaer"),
            Rule.of("the meeting belongs to (\\d{4})[- ]Q(\\d)", "sitzungen.ablehnung.quartal"),
            Rule.of("The meeting is (PLANNED|SCHEDULED|HELD|CANCELLED)", "sitzungen.ablehnung.status"),
            Rule.of("is not a member of the group", "sitzungen.ablehnung.keinmitglied"),
            Rule.of("at least one member present", "sitzungen.ablehnung.anwesend"),
            Rule.of("was not invited to this meeting", "sitzungen.ablehnung.keingast"),
            Rule.of("no (PROJECT_IDEA|PROBLEM_REPORT) with id", "sitzungen.ablehnung.keinbezug"),
            Rule.of("position must be between 0 and (\\d+)", "sitzungen.ablehnung.position"),
            Rule.of("cannot be recorded as held before", "sitzungen.ablehnung.nochnicht"),
            Rule.of("Only a scheduled meeting can be recorded as held", "sitzungen.ablehnung.nurterminiert"),
            Rule.of("already has a date", "sitzungen.ablehnung.schonterminiert"),
            Rule.of("has no date yet; schedule it first", "sitzungen.ablehnung.nochohnetermin"),
            Rule.of("is already on the agenda", "sitzungen.ablehnung.schonaufdertagesordnung"),
            Rule.of("The poll is closed", "sitzungen.ablehnung.umfragegeschlossen"));

    private final MessageSource messages;
    private final RefusalTexts texts;

    SitzungenRefusal(MessageSource messages, RefusalTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /**
     * Binds {@code problem} to {@code form}: the area's reasons here, the rest through {@link FormRefusal}.
     *
     * @param labels the form's fields by their API names, with their German labels (in the form's order)
     */
    void bind(ApiProblem problem, BindingResult form, Map<String, String> labels) {
        String whole = problem.errors().isEmpty() && problem.status() != 403 ? areaText(problem.detail(), null) : null;
        if (whole != null) { // a rule of the meeting as a whole ("The meeting is HELD and can no longer be changed.")
            form.reject("api", null, whole);
            return;
        }
        List<ApiProblem.FieldError> others = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = fieldOf(error.field(), labels);
            String text = problem.status() == 403 ? null : areaText(error.reason(), field == null ? null : labels.get(field));
            if (text != null && field == null) { // a rule about what the form does not hold (the poll's meeting)
                form.reject("api", null, text);
            } else if (text == null) { // the common texts, beside the field this form has for it
                others.add(field == null ? error : new ApiProblem.FieldError(field, error.reason()));
            } else {
                form.rejectValue(field, "api", null, text); // no arguments: the text is final, not a MessageFormat pattern
            }
        }
        if (others.isEmpty() && !problem.errors().isEmpty()) {
            return;
        }
        FormRefusal.bind(new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), others),
                form, labels, texts);
    }

    /** Whether the refusal is a clash with the blocked calendar, which the coordinator may override with a reason. */
    static boolean isClash(ApiProblem problem) {
        return problem.errors().stream().anyMatch(e -> e.reason() != null && RULES.get(0).pattern().matcher(e.reason()).find());
    }

    /** A German text of this area's own, or a rejection the form itself finds before anything is sent. */
    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMANY);
    }

    private String areaText(String reason, String label) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason == null ? "" : reason);
            if (matcher.find()) {
                Object[] arguments = new Object[matcher.groupCount() + 1];
                arguments[0] = label;
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    arguments[i] = germanWord(matcher.group(i));
                }
                return text(rule.key(), arguments);
            }
        }
        return null;
    }

    private String germanWord(String captured) {
        return switch (captured) {
            case "PLANNED", "SCHEDULED", "HELD", "CANCELLED" -> text("sitzungen.status." + captured);
            case "PROJECT_IDEA", "PROBLEM_REPORT" -> text("sitzungen.art." + captured);
            default -> captured;
        };
    }

    /**
     * The form's field for an API's field name: the name itself, or the field it indexes into ({@code extraSlots[0]},
     * {@code answers[2027-04-07T13:00:00+02:00]} is the answers' group).
     */
    static String fieldOf(String apiField, Map<String, String> labels) {
        if (apiField == null) {
            return null;
        }
        if (labels.containsKey(apiField)) {
            return apiField;
        }
        return labels.keySet().stream().filter(name -> apiField.startsWith(name + "[")).findFirst().orElse(null);
    }
}

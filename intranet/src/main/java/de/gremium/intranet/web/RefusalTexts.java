package de.gremium.intranet.web;

import de.gremium.intranet.api.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The APIs' reasons in German. Reasons are English free text ({@code docs/api-errors.md}); the edge and the
 * aggregates word the same rule slightly differently, so an ordered list of patterns, each found anywhere in the
 * reason, picks a message of the bundle ({@code ablehnung.*}) with what it captured as arguments. A reason no
 * pattern knows gets a German lead and the original text marked as English ({@link #isKnown} lets a test find
 * them).
 */
@Component
public class RefusalTexts {

    /** A reason pattern and the message key it selects; groups of the pattern become the message's arguments. */
    record Rule(Pattern pattern, String key) {
        static Rule of(String regex, String key) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), key);
        }
    }

    static final List<Rule> RULES = List.of(
            Rule.of("must not be (?:blank|empty|null)", "ablehnung.leer"),
            Rule.of("size must be between (\\d+) and (\\d+)", "ablehnung.laenge"),
            Rule.of("(?:at most|no more than|must not be longer than|must not exceed) (\\d+) characters", "ablehnung.hoechstens"),
            Rule.of("control character", "ablehnung.steuerzeichen"),
            Rule.of("not (?:one of )?(?:a |the )?(?:unit|units) of the group|unknown unit|is not a unit", "ablehnung.einheit"),
            Rule.of("between the years 1900 and 2200|outside the years", "ablehnung.jahre"),
            Rule.of("must be after '?from'?", "ablehnung.nachvon"),
            Rule.of("not a (?:valid )?date|malformed date|ISO[- ]8601|yyyy-MM-dd", "ablehnung.datum"),
            Rule.of("not a (?:valid )?number|malformed number", "ablehnung.zahl"),
            Rule.of("must be (?:greater than or equal to|at least) (-?\\d+)", "ablehnung.mindestens"),
            Rule.of("must be (?:less than or equal to|at most) (-?\\d+)", "ablehnung.hoechstwert"),
            Rule.of("e-?mail address|not a valid address|InternetAddress|ASCII letters, digits and signs|the address alone",
                    "ablehnung.email"),
            Rule.of("must be one of|not one of", "ablehnung.auswahl"),
            Rule.of("closed", "ablehnung.geschlossen"),
            Rule.of("clash|blocked calendar|council session", "ablehnung.kollision"),
            Rule.of("already", "ablehnung.schonda"));

    private final MessageSource messages;

    public RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The German text for a field's reason; {@code label} is the field's German name. */
    public String forField(ApiProblem problem, String reason, String label) {
        if (problem.status() == 403) {
            return message("ablehnung.rolle", label);
        }
        if (isStale(problem)) {
            return message("ablehnung.geaendert", label);
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason == null ? "" : reason);
            if (matcher.find()) {
                Object[] arguments = new Object[matcher.groupCount() + 1];
                arguments[0] = label;
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    arguments[i] = matcher.group(i);
                }
                return message(rule.key(), arguments);
            }
        }
        return message("ablehnung.unbekannt", label, reason == null ? "" : reason);
    }

    /**
     * Someone changed the item since the page was read: {@code urn:gremium:problem:conflict} (a stale {@code If-Match}
     * or a lost race), as opposed to {@code rule-violation} (the item's state does not allow the command).
     */
    static boolean isStale(ApiProblem problem) {
        return problem.status() == 409 && "urn:gremium:problem:conflict".equals(problem.type());
    }

    /** Whether some rule turns this reason into German (a test sends every known bad input and checks this). */
    public static boolean isKnown(String reason) {
        return reason != null && RULES.stream().anyMatch(r -> r.pattern().matcher(reason).find());
    }

    /** The German text for a refusal as a whole (no field, or a field the form does not have). */
    public String forForm(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> message("ablehnung.abgemeldet");
            case 403 -> message("ablehnung.rolle.formular");
            case 404 -> message("ablehnung.nichtgefunden");
            case 409 -> isStale(problem) ? message("ablehnung.geaendert.formular") : message("ablehnung.regel");
            case 412, 428 -> message("ablehnung.geaendert.formular");
            case 503, 502, 504 -> message("ablehnung.nichterreichbar");
            default -> message("ablehnung.allgemein");
        };
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMANY);
    }
}

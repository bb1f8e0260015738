package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.RefusalTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The refusals of the recommendation's and the deliberation's rules in German ({@code empfehlungen.ablehnung.*}),
 * beside the field they name or above the form: a deferral without review date, consensus with objections open,
 * an objection by someone absent. They are this area's words, so they live here and not among the generic
 * {@link RefusalTexts#RULES}; every other reason goes to {@link FormRefusal}.
 */
@Component
class Ablehnungen {

    /** A reason (found anywhere in it, or in the detail) and the key of its German text. */
    private record Regel(Pattern muster, String schluessel) {
        static Regel of(String regex, String schluessel) {
            return new Regel(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), "empfehlungen.ablehnung." + schluessel);
        }
    }

    private static final List<Regel> REGELN = List.of(
            Regel.of("deferred recommendation needs a review date", "wiedervorlageFehlt"),
            Regel.of("review date lies in the future", "wiedervorlageZukunft"),
            Regel.of("decision must be ACCEPTED", "entscheidungFehlt"),
            Regel.of("not been submitted to the Lord Mayor", "nichtVorgelegt"),
            Regel.of("already decided", "schonEntschieden"),
            Regel.of("already been submitted", "schonVorgelegt"),
            Regel.of("Consensus needs every objection", "einwaendeOffen"),
            Regel.of("Only members present at the meeting", "nichtAnwesend"),
            Regel.of("Only its author can withdraw", "nurUrheber"),
            Regel.of("is not an open objection", "einwandNichtOffen"),
            Regel.of("deliberation is concluded", "abgeschlossen"),
            Regel.of("not present as a guest", "gastNichtAnwesend"));

    private final MessageSource messages;
    private final RefusalTexts texts;

    Ablehnungen(MessageSource messages, RefusalTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /**
     * Puts the refusal into the form: this area's reasons in its words, beside their field if the form has it;
     * everything else as {@link FormRefusal#bind} does.
     *
     * @param labels the form's fields by their API names with their German labels, in the form's order
     */
    void bind(ApiProblem problem, BindingResult form, Map<String, String> labels) {
        if (problem.errors().isEmpty()) {
            Optional<String> text = text(problem.detail());
            if (text.isPresent()) {
                form.reject("api", null, text.get());
            } else {
                FormRefusal.bind(problem, form, labels, texts);
            }
            return;
        }
        List<ApiProblem.FieldError> rest = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            Optional<String> text = text(error.reason());
            if (text.isEmpty() && "decision".equals(error.field()) && labels.containsKey("decision")) {
                text = Optional.of(message("empfehlungen.ablehnung.entscheidungFehlt")); // a radio group left empty
            }
            if (text.isPresent() && labels.containsKey(error.field())) {
                form.rejectValue(error.field(), "api", null, text.get());
            } else if (text.isPresent()) {
                form.reject("api", null, text.get());
            } else {
                rest.add(error);
            }
        }
        if (!rest.isEmpty()) {
            FormRefusal.bind(new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), rest),
                    form, labels, texts);
        }
    }

    private Optional<String> text(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        return REGELN.stream().filter(r -> r.muster().matcher(reason).find()).findFirst()
                .map(r -> message(r.schluessel()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.GERMANY);
    }
}

package de.gremium.intranet.bericht;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.RefusalTexts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity report for the advisory council over a period ({@code /bericht?von=&bis=}): a GET form of two days,
 * and below it the report, laid out for printing. The days may be typed German ({@code 31.12.2026}) or ISO; the API
 * judges them, and its refusals naming {@code from} or {@code to} appear beside "Von" or "Bis".
 */
@Controller
class ReportPage {

    static final String FORM = "zeitraum";
    static final Map<String, String> LABELS = labels();
    private static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMANY)
            .withResolverStyle(ResolverStyle.STRICT);

    private final Apis apis;
    private final RefusalTexts texts;
    private final MessageSource messages;

    ReportPage(Apis apis, RefusalTexts texts, MessageSource messages) {
        this.apis = apis;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/bericht")
    String report(@RequestParam(name = "von", required = false) String von,
            @RequestParam(name = "bis", required = false) String bis, Model model, HttpServletResponse response) {
        ReportPeriod period = new ReportPeriod(von, bis);
        BindingResult errors = new BeanPropertyBindingResult(period, FORM);
        model.addAttribute(FORM, period);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        if (period.isEmpty()) {
            return "bericht/bericht";
        }
        LABELS.forEach((field, label) -> {
            Object value = errors.getFieldValue(field);
            if (value == null || value.toString().isEmpty()) {
                errors.rejectValue(field, "leer", message("bericht.fehlt", label));
            }
        });
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("bericht", apis.view("/api/reports/advisory-council",
                        Apis.parameters("from", iso(period.getFrom()), "to", iso(period.getTo()))));
            } catch (ApiRefusedException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                bind(refused.problem(), errors);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("fehlerImFormular", true);
        }
        return "bericht/bericht";
    }

    /** A German day ({@code 1.3.2026}) as ISO; anything else as typed, for the API to judge. */
    static String iso(String typed) {
        try {
            return LocalDate.parse(typed, GERMAN_DAY).toString();
        } catch (DateTimeParseException notGerman) {
            return typed;
        }
    }

    /** The reasons this page knows in its own words; the rest through the common texts. */
    private void bind(ApiProblem problem, BindingResult errors) {
        List<ApiProblem.FieldError> others = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            String label = LABELS.get(error.field());
            String reason = error.reason() == null ? "" : error.reason();
            String key = label == null ? null
                    : reason.contains("is not a valid value") ? "bericht.datum"
                    : reason.contains("is before 'from'") ? "bericht.bisvorvon"
                    : reason.contains("longer than") ? "bericht.zulang"
                    : reason.contains("is required") ? "bericht.fehlt" : null;
            if (key == null) {
                others.add(error);
            } else {
                errors.rejectValue(error.field(), "api", new Object[] {reason}, message(key, label));
            }
        }
        if (!others.isEmpty() || problem.errors().isEmpty()) {
            FormRefusal.bind(new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), others),
                    errors, LABELS, texts);
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMANY);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("from", "Von");
        labels.put("to", "Bis");
        return java.util.Collections.unmodifiableMap(labels);
    }
}

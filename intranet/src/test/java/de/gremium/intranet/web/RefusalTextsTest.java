package de.gremium.intranet.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.intranet.api.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

class RefusalTextsTest {

    static RefusalTexts texts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new RefusalTexts(messages);
    }

    static ApiProblem validation(String field, String reason) {
        return new ApiProblem("urn:gremium:problem:validation-failed", "Validation failed", 400, "Invalid request",
                List.of(new ApiProblem.FieldError(field, reason)));
    }

    @Test
    void the_edge_and_the_aggregate_wording_of_a_blank_field_both_become_the_same_german_request() {
        RefusalTexts texts = texts();
        assertThat(texts.forField(validation("title", "must not be blank"), "must not be blank", "Titel"))
                .isEqualTo("Bitte füllen Sie „Titel“ aus.");
        assertThat(texts.forField(validation("title", "title must not be blank"), "title must not be blank", "Titel"))
                .isEqualTo("Bitte füllen Sie „Titel“ aus.");
    }

    @Test
    void a_length_rule_keeps_its_numbers() {
        assertThat(texts().forField(validation("title", "size must be between 1 and 200"), "size must be between 1 and 200", "Titel"))
                .isEqualTo("„Titel“ muss zwischen 1 und 200 Zeichen lang sein.");
    }

    @Test
    void a_refused_e_mail_address_is_explained_in_german_but_its_length_and_its_absence_keep_their_own_words() {
        RefusalTexts texts = texts();
        String german = "„E-Mail-Adresse“ ist keine gültige E-Mail-Adresse. Bitte geben Sie nur die Adresse an, zum Beispiel "
                + "vorname.nachname@magdeburg.de: ohne Namen davor, ohne Leerzeichen und ohne Umlaute.";
        for (String reason : List.of("must be a plain e-mail address such as vorname.nachname@magdeburg.de",
                "email must be written in ASCII letters, digits and signs, without spaces",
                "must be the address alone, without a name or angle brackets, such as vorname.nachname@magdeburg.de",
                "must be a plain e-mail address with a domain, such as vorname.nachname@magdeburg.de",
                "must be an e-mail address or left out, not blank")) {
            assertThat(texts.forField(validation("email", reason), reason, "E-Mail-Adresse")).as(reason).isEqualTo(german);
        }
        assertThat(texts.forField(validation("email", "e-mail address must not be longer than 254 characters"),
                "e-mail address must not be longer than 254 characters", "E-Mail-Adresse"))
                .isEqualTo("„E-Mail-Adresse“ darf höchstens 254 Zeichen lang sein.");
        assertThat(RefusalTexts.isKnown("not a valid email address")).isTrue();
    }

    @Test
    void a_reason_no_rule_knows_gets_a_german_lead_and_the_original_words() {
        String reason = "the moon is not in the right phase";
        assertThat(RefusalTexts.isKnown(reason)).isFalse();
        assertThat(texts().forField(validation("title", reason), reason, "Titel"))
                .startsWith("„Titel“ wurde nicht angenommen.").endsWith(reason);
    }

    @Test
    void a_missing_role_and_a_concurrent_change_are_explained_in_german() {
        RefusalTexts texts = texts();
        assertThat(texts.forForm(new ApiProblem("urn:gremium:problem:forbidden", "Forbidden", 403, "x", List.of())))
                .isEqualTo("Ihre Rolle erlaubt diese Aktion nicht.");
        assertThat(texts.forForm(new ApiProblem("urn:gremium:problem:conflict", "Concurrent modification", 409, "x", List.of())))
                .startsWith("Jemand hat diesen Eintrag inzwischen geändert");
    }

    @Test
    void field_errors_land_beside_their_field_an_index_on_a_multi_value_field_means_the_field_and_the_rest_go_to_the_form() {
        FormularFuerTest form = new FormularFuerTest();
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "formular");
        ApiProblem problem = new ApiProblem("urn:gremium:problem:validation-failed", "Validation failed", 400, "Invalid",
                List.of(new ApiProblem.FieldError("title", "must not be blank"),
                        new ApiProblem.FieldError("policyFields[0]", "must be one of LANGUAGE, WORK"),
                        new ApiProblem.FieldError("If-Match", "must be a version")));
        FormRefusal.bind(problem, result, Map.of("title", "Titel", "policyFields", "Politikfelder"), texts());
        assertThat(result.getFieldError("title").getDefaultMessage()).isEqualTo("Bitte füllen Sie „Titel“ aus.");
        assertThat(result.getFieldError("policyFields").getDefaultMessage()).contains("Politikfelder");
        assertThat(result.getGlobalErrors()).hasSize(1);
    }

    @Test
    void a_refusal_without_fields_becomes_an_error_of_the_whole_form() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new FormularFuerTest(), "formular");
        FormRefusal.bind(new ApiProblem("urn:gremium:problem:rule-violation", "Conflict", 409, "The report is closed.", List.of()),
                result, Map.of("title", "Titel"), texts());
        assertThat(result.getFieldErrorCount()).isZero();
        assertThat(result.getGlobalError().getDefaultMessage()).isEqualTo("Diese Aktion ist im jetzigen Stand des Eintrags nicht möglich.");
    }

    /** A form as the pages have them: JavaBean properties named as the API's fields. */
    public static final class FormularFuerTest {
        private String title;
        private List<String> policyFields;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public List<String> getPolicyFields() {
            return policyFields;
        }

        public void setPolicyFields(List<String> policyFields) {
            this.policyFields = policyFields;
        }
    }
}

package de.gremium.intranet.sitzungen;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.web.RefusalTexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** The meeting and poll rules' reasons, worded as the command side words them, come out in German beside their field. */
class SitzungenRefusalTest {

    private final SitzungenRefusal refusal;

    SitzungenRefusalTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/sitzungen");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        refusal = new SitzungenRefusal(messages, new RefusalTexts(messages));
    }

    @Test
    void aRegularMeetingTooManyInAQuarterAsksForAnExtraMeeting() {
        assertThat(german(new PlanForm(), WorkPlanPage.PLAN_LABELS, 409, "quarter",
                "There already is a regular meeting in 2027 Q1; plan an EXTRA meeting instead."))
                .isEqualTo("In diesem Quartal gibt es schon eine reguläre Sitzung. Bitte planen Sie eine Sondersitzung.");
    }

    @Test
    void aDateOutsideTheMeetingsQuarterNamesTheQuarterInGerman() {
        assertThat(german(new DateForm(), MeetingPage.DATE_LABELS, 400, "start",
                "the meeting belongs to 2027 Q1; 2027-04-07 lies in 2027 Q2"))
                .isEqualTo("„Beginn“ muss im Quartal der Sitzung liegen (1. Quartal 2027).");
    }

    @Test
    void aPollForAMeetingThatIsNoLongerPlannedSaysTheStatusAsAWord() {
        BindingResult binding = new BeanPropertyBindingResult(new OpenPollForm(), "umfrageFormular");
        refusal.bind(problem(409, "meetingId", "The meeting is SCHEDULED; a poll is for a meeting that has no date yet."),
                binding, MeetingPage.POLL_LABELS);

        assertThat(binding.getGlobalError()).as("the form has no field for the meeting").isNotNull();
        assertThat(binding.getGlobalError().getDefaultMessage())
                .isEqualTo("Die Sitzung ist terminiert; das ist jetzt nicht mehr möglich.");
    }

    @Test
    void anAgendaReferenceThatDoesNotExistNamesItsKind() {
        assertThat(german(new AgendaItemForm(), MeetingPage.AGENDA_LABELS, 400, "topic.referenceId",
                "no PROJECT_IDEA with id 'idee-404'"))
                .isEqualTo("Unter dieser Kennung gibt es keine Projektidee.");
    }

    @Test
    void anAnswerNamingOneCandidateBelongsToTheAnswersGroup() {
        AnswerForm form = new AnswerForm();
        BindingResult binding = new BeanPropertyBindingResult(form, "antwortFormular");
        refusal.bind(problem(400, "answers[2027-04-07T13:00:00+02:00]", "must not be null"), binding,
                PollPage.ANSWER_LABELS);

        assertThat(binding.getFieldError("answers")).isNotNull();
        assertThat(binding.getFieldError("answers").getDefaultMessage()).isEqualTo("Bitte füllen Sie „Ihre Antworten“ aus.");
    }

    @Test
    void aRefusalWithoutAFieldThatNoAreaRuleKnowsGetsTheCommonGermanTextForTheWholeForm() {
        HeldForm form = new HeldForm();
        BindingResult binding = new BeanPropertyBindingResult(form, "durchgefuehrtFormular");
        refusal.bind(new ApiProblem("urn:gremium:problem:rule-violation", "Conflict", 409,
                "An agenda item with this id already exists.", List.of()), binding, MeetingPage.HELD_LABELS);

        assertThat(binding.getGlobalError()).isNotNull();
        assertThat(binding.getGlobalError().getDefaultMessage())
                .isEqualTo("Diese Aktion ist im jetzigen Stand des Eintrags nicht möglich.");
    }

    @Test
    void aMeetingThatIsOverSaysSoAsAWholeInGerman() {
        BindingResult binding = new BeanPropertyBindingResult(new AgendaItemForm(), "punktFormular");
        refusal.bind(new ApiProblem("urn:gremium:problem:rule-violation", "Conflict", 409,
                "The meeting is HELD and can no longer be changed.", List.of()), binding, MeetingPage.AGENDA_LABELS);

        assertThat(binding.getGlobalError().getDefaultMessage())
                .isEqualTo("Die Sitzung ist durchgeführt; das ist jetzt nicht mehr möglich.");
    }

    @Test
    void aMeetingRecordedAsHeldBeforeItStartsIsExplainedInGerman() {
        BindingResult binding = new BeanPropertyBindingResult(new HeldForm(), "durchgefuehrtFormular");
        refusal.bind(new ApiProblem("urn:gremium:problem:rule-violation", "Conflict", 409,
                "The meeting starts at 2027-01-20T12:00:00Z; it cannot be recorded as held before.", List.of()),
                binding, MeetingPage.HELD_LABELS);

        assertThat(binding.getGlobalError().getDefaultMessage())
                .isEqualTo("Die Sitzung hat noch nicht begonnen; sie kann erst danach als durchgeführt erfasst werden.");
    }

    private String german(Object form, Map<String, String> labels, int status, String field, String reason) {
        BindingResult binding = new BeanPropertyBindingResult(form, "formular");
        refusal.bind(problem(status, field, reason), binding, labels);
        assertThat(binding.getFieldError(field)).as("an error beside %s", field).isNotNull();
        return binding.getFieldError(field).getDefaultMessage();
    }

    private static ApiProblem problem(int status, String field, String reason) {
        return new ApiProblem(status == 409 ? "urn:gremium:problem:rule-violation" : "urn:gremium:problem:validation-failed",
                "Refused", status, reason, List.of(new ApiProblem.FieldError(field, reason)));
    }
}

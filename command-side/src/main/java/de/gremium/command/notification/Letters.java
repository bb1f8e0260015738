package de.gremium.command.notification;

import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.scheduling.CandidateSlot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** What each letter says, in German, with links into the intranet; times in the configured zone. */
@Component
class Letters {

    private final NotificationProperties settings;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayShort;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;

    Letters(NotificationProperties settings) {
        this.settings = settings;
        this.day = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN).withZone(settings.zone());
        this.dayShort = DateTimeFormatter.ofPattern("dd.MM.", Locale.GERMAN).withZone(settings.zone());
        this.dayAndTime = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'", Locale.GERMAN).withZone(settings.zone());
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN).withZone(settings.zone());
        this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN).withZone(settings.zone());
    }

    String settingsUrl() {
        return url("benachrichtigungen");
    }

    Letter pollOpened(PollFacts poll, MeetingFacts meeting) {
        String label = label(meeting);
        Letter letter = new Letter("Terminumfrage: " + label + " – bitte " + (poll.answersDueBy() == null ? ""
                : "bis " + dayShort.format(poll.answersDueBy()) + " ") + "antworten")
                .paragraph("für die " + label + " der Projektgruppe Integration wird ein Termin gesucht. Bitte geben Sie an, "
                        + "wann Sie teilnehmen können. Zur Wahl stehen:")
                .items(candidates(poll.candidates()));
        if (poll.answersDueBy() != null) {
            letter.paragraph("Bitte antworten Sie bis " + span(poll.answersDueBy()) + ".");
        }
        return letter.link("Zur Terminumfrage", url("terminumfragen", poll.pollId().value()));
    }

    Letter pollReminder(PollFacts poll, MeetingFacts meeting) {
        String label = label(meeting);
        return new Letter("Erinnerung – Terminumfrage: " + label + " – bitte bis " + dayShort.format(poll.answersDueBy())
                + " antworten")
                .paragraph("Sie haben auf die Terminumfrage für die " + label + " noch nicht geantwortet. Die Antworten werden bis "
                        + span(poll.answersDueBy()) + " erbeten. Zur Wahl stehen:")
                .items(candidates(poll.candidates()))
                .link("Zur Terminumfrage", url("terminumfragen", poll.pollId().value()));
    }

    Letter scheduled(MeetingFacts meeting) {
        return new Letter("Einladung: " + meeting.label() + " am " + dayAndTime.format(meeting.start))
                .paragraph("Sie sind zur " + meeting.label() + " der Projektgruppe Integration eingeladen.")
                .items(when(meeting))
                .paragraph(CALENDAR_NOTE)
                .link("Zur Sitzung im Intranet", url("sitzungen", meeting.meetingId.value()));
    }

    Letter rescheduled(MeetingFacts meeting) {
        Letter letter = new Letter("Verschoben: " + meeting.label() + " – jetzt am " + dayAndTime.format(meeting.start))
                .paragraph("die " + meeting.label() + " der Projektgruppe Integration findet zu einer neuen Zeit oder an einem "
                        + "neuen Ort statt:")
                .items(when(meeting));
        if (meeting.reason != null && !meeting.reason.isBlank()) {
            letter.paragraph("Grund: " + meeting.reason);
        }
        return letter.paragraph(CALENDAR_NOTE).link("Zur Sitzung im Intranet", url("sitzungen", meeting.meetingId.value()));
    }

    Letter cancelled(MeetingFacts meeting) {
        Letter letter = new Letter("Abgesagt: " + meeting.label() + " am " + dayAndTime.format(meeting.start))
                .paragraph("die " + meeting.label() + " der Projektgruppe Integration am " + span(meeting.start)
                        + " ist abgesagt.");
        if (meeting.reason != null && !meeting.reason.isBlank()) {
            letter.paragraph("Grund: " + meeting.reason);
        }
        return letter.paragraph("Die Absage ist als Kalendernachricht beigefügt; Ihr Kalenderprogramm entfernt den Termin.")
                .link("Zur Sitzung im Intranet", url("sitzungen", meeting.meetingId.value()));
    }

    Letter agenda(MeetingFacts meeting) {
        List<AgendaTopic> agenda = meeting.agenda();
        Letter letter = new Letter("Tagesordnung: " + meeting.label() + " am " + dayAndTime.format(meeting.start))
                .paragraph("die " + meeting.label() + " der Projektgruppe Integration findet statt:")
                .items(when(meeting));
        if (agenda.isEmpty()) {
            letter.paragraph("Bisher stehen keine Punkte auf der Tagesordnung.");
        } else {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < agenda.size(); i++) {
                items.add("TOP " + (i + 1) + ": " + agenda.get(i).title() + " (" + agenda.get(i).kind().germanLabel() + ")");
            }
            letter.paragraph("Tagesordnung:").items(items);
        }
        return letter.link("Zur Sitzung im Intranet", url("sitzungen", meeting.meetingId.value()));
    }

    Letter minutes(MeetingFacts meeting) {
        String held = meeting.start == null ? "" : " vom " + date.format(meeting.start);
        return new Letter("Protokoll: " + meeting.label() + held)
                .paragraph("das Protokoll der " + meeting.label() + held + " liegt vor (anwesend: "
                        + count(meeting.attendees.size(), "Mitglied", "Mitglieder") + ", "
                        + count(meeting.guestsPresent.size(), "Gast", "Gäste") + ").")
                .paragraph(meeting.minutes == null || meeting.minutes.isBlank() ? "(kein Protokolltext)" : meeting.minutes)
                .link("Zur Sitzung im Intranet", url("sitzungen", meeting.meetingId.value()));
    }

    Letter reportAcknowledged(ReportFacts report, String note) {
        Letter letter = new Letter("Ihre Problemanzeige „" + shortened(report.title()) + "“ wurde aufgenommen")
                .paragraph("die Koordination hat Ihre Problemanzeige „" + report.title() + "“ für die Arbeit der "
                        + "Projektgruppe aufgenommen.");
        if (note != null && !note.isBlank()) {
            letter.paragraph("Anmerkung: " + note);
        }
        return letter.link("Zur Problemanzeige", url("probleme", report.reportId().value()));
    }

    Letter solutionProposed(ReportFacts report, String proposal) {
        return new Letter("Lösungsvorschlag zu Ihrer Problemanzeige „" + shortened(report.title()) + "“")
                .paragraph("zu Ihrer Problemanzeige „" + report.title() + "“ wurde eine Lösung vorgeschlagen:")
                .paragraph(proposal)
                .link("Zur Problemanzeige", url("probleme", report.reportId().value()));
    }

    Letter reportAddressed(ReportFacts report, RecommendationFacts recommendation) {
        Letter letter = new Letter("Empfehlung zu Ihrer Problemanzeige „" + shortened(report.title()) + "“")
                .paragraph("die Projektgruppe hat dem Oberbürgermeister eine Empfehlung gegeben, die Ihre Problemanzeige „"
                        + report.title() + "“ aufgreift.");
        if (recommendation.text() != null) {
            letter.paragraph("Die Empfehlung:\n" + recommendation.text());
        }
        return letter.link("Zur Problemanzeige", url("probleme", report.reportId().value()))
                .link("Zur Empfehlung", url("empfehlungen", recommendation.recommendationId().value()));
    }

    Letter reportClosed(ReportFacts report, ProblemReportClosed closed) {
        return new Letter("Ihre Problemanzeige „" + shortened(report.title()) + "“ ist abgeschlossen ("
                + closed.outcome().germanLabel() + ")")
                .paragraph("die Koordination hat Ihre Problemanzeige „" + report.title() + "“ abgeschlossen: "
                        + closed.outcome().germanLabel() + ".")
                .paragraph(closed.resolution())
                .link("Zur Problemanzeige", url("probleme", report.reportId().value()));
    }

    Letter decision(RecommendationFacts recommendation) {
        Letter letter = new Letter("Entscheidung des Oberbürgermeisters: Empfehlung „" + recommendation.shortTitle() + "“ "
                + recommendation.decision().germanLabel())
                .paragraph("der Oberbürgermeister hat über eine Empfehlung der Projektgruppe entschieden: "
                        + recommendation.decision().germanLabel() + ".");
        if (recommendation.text() != null) {
            letter.paragraph("Die Empfehlung:\n" + recommendation.text());
        }
        if (recommendation.reasons() != null && !recommendation.reasons().isBlank()) {
            letter.paragraph("Begründung: " + recommendation.reasons());
        }
        if (recommendation.decision() == MayorsDecision.DEFERRED && recommendation.reviewDate() != null) {
            letter.paragraph("Wiedervorlage am " + date(recommendation.reviewDate()) + ".");
        }
        return letter.link("Zur Empfehlung", url("empfehlungen", recommendation.recommendationId().value()));
    }

    Letter reviewDate(RecommendationFacts recommendation) {
        return new Letter("Wiedervorlage: zurückgestellte Empfehlung „" + recommendation.shortTitle() + "“ ("
                + date(recommendation.reviewDate()) + ")")
                .paragraph("die zurückgestellte Empfehlung der Projektgruppe erreicht heute, am " + date(recommendation.reviewDate())
                        + ", ihren Wiedervorlagetermin. Bitte bringen Sie sie erneut ein.")
                .paragraph(recommendation.text() == null ? "" : "Die Empfehlung:\n" + recommendation.text())
                .link("Zur Empfehlung", url("empfehlungen", recommendation.recommendationId().value()));
    }

    private static final String CALENDAR_NOTE = "Die Einladung ist als Kalendereintrag beigefügt. Übernehmen Sie ihn in "
            + "Ihren Kalender; bei einer Verschiebung oder Absage aktualisiert Ihr Kalenderprogramm diesen Eintrag.";

    private List<String> when(MeetingFacts meeting) {
        List<String> lines = new ArrayList<>();
        lines.add("Wann: " + span(meeting.start) + (meeting.end == null ? "" : " bis " + time.format(meeting.end) + " Uhr"));
        if (meeting.location != null && !meeting.location.isBlank()) {
            lines.add("Wo: " + meeting.location);
        }
        return lines;
    }

    private List<String> candidates(List<CandidateSlot> candidates) {
        return candidates.stream().map(c -> span(c.start()) + " bis " + time.format(c.end()) + " Uhr").toList();
    }

    private String span(Instant instant) {
        return day.format(instant) + ", " + time.format(instant) + " Uhr";
    }

    private static String date(LocalDate value) {
        return DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN).format(value);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String label(MeetingFacts meeting) {
        return meeting.exists() ? meeting.label() : "Sitzung";
    }

    private static String shortened(String title) {
        String t = title == null ? "" : title.strip();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }

    private String url(String... segments) {
        StringBuilder url = new StringBuilder(settings.intranetUrl().toString().replaceAll("/+$", ""));
        for (String segment : segments) {
            url.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}

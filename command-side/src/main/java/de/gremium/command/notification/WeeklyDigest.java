package de.gremium.command.notification;

import de.gremium.events.group.NotificationDelivery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly digest: on {@code digestDay} at {@code digestTime} (in {@code zone}) each person with letters waiting
 * for it gets one DIGEST letter listing them all (added up to that moment; later ones wait for the next week). At
 * most one digest per person and ISO week ({@code digest/<recipientId>/<yyyy-Www>}); a round that runs late (the
 * server was down at the time) still composes that week's digest. Invitations go into a digest as text only.
 */
@Component
class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");

    private final Outbox outbox;
    private final NotificationProperties properties;
    private final Clock clock;

    WeeklyDigest(Outbox outbox, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Composes the digests of the latest digest moment that are not composed yet.
     *
     * @return how many digests were composed
     */
    int composeDue() {
        ZonedDateTime moment = latestMoment(clock.instant());
        String week = isoWeek(moment.toLocalDate());
        int composed = 0;
        for (String recipient : outbox.waitingForDigest(moment.toInstant())) {
            if (outbox.digest(recipient, moment.toInstant(), letters -> compose(recipient, week, moment, letters)).isPresent()) {
                composed++;
            }
        }
        if (composed > 0) {
            log.info("composed {} weekly digests for {}", composed, week);
        }
        return composed;
    }

    /** The latest digest day at digest time (in the zone) that is not after {@code now}. */
    ZonedDateTime latestMoment(Instant now) {
        ZonedDateTime here = now.atZone(properties.zone());
        ZonedDateTime moment = here.toLocalDate().with(TemporalAdjusters.previousOrSame(properties.digestDay()))
                .atTime(properties.digestTime()).atZone(properties.zone());
        return moment.isAfter(here) ? moment.minusWeeks(1) : moment;
    }

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String dedupKey(String recipientId, String week) {
        return "digest/" + recipientId + "/" + week;
    }

    private OutboxLetter compose(String recipientId, String week, ZonedDateTime moment, List<ClaimedLetter> letters) {
        ClaimedLetter latest = letters.get(letters.size() - 1);
        String name = latest.recipientName();
        boolean invitations = letters.stream().anyMatch(letter -> letter.calendar() != null);
        String settings = properties.intranetUrl().toString().replaceAll("/+$", "") + "/benachrichtigungen";
        String count = letters.size() == 1 ? "1 Benachrichtigung" : letters.size() + " Benachrichtigungen";
        String subject = "Ihre Wochenübersicht: " + count + " (KW " + week.substring(week.indexOf('W') + 1) + ")";
        String intro = "hier ist Ihre wöchentliche Zusammenfassung: " + count + ", gesammelt bis " + WHEN.format(moment) + ".";
        String calendarNote = "Einladungen stehen hier nur als Text; in Ihren Kalender übernehmen Sie sie, wenn Sie für "
                + "Sitzungseinladungen „sofort“ wählen.";
        String settingsNote = "Welche Benachrichtigungen Sie wie erhalten, stellen Sie hier ein: ";

        StringBuilder text = new StringBuilder(greeting(name)).append("\n\n").append(intro).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"UTF-8\"><title>")
                .append(HtmlUtils.htmlEscape(subject)).append("</title></head>\n<body>\n<p>")
                .append(HtmlUtils.htmlEscape(greeting(name))).append("</p>\n<p>").append(HtmlUtils.htmlEscape(intro)).append("</p>\n");
        for (int i = 0; i < letters.size(); i++) {
            ClaimedLetter letter = letters.get(i);
            String body = letter.text() == null ? "" : letter.text().strip();
            text.append("\n").append(i + 1).append(". ").append(letter.subject()).append("\n\n").append(body).append("\n\n")
                    .append("----------------------------------------\n");
            html.append("<h2>").append(i + 1).append(". ").append(HtmlUtils.htmlEscape(letter.subject())).append("</h2>\n<p>")
                    .append(HtmlUtils.htmlEscape(body).replace("\n", "<br>\n")).append("</p>\n<hr>\n");
        }
        if (invitations) {
            text.append("\n").append(calendarNote).append("\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(calendarNote)).append("</p>\n");
        }
        text.append("\n").append(settingsNote).append(settings).append("\n");
        html.append("<p>").append(HtmlUtils.htmlEscape(settingsNote)).append("<a href=\"").append(HtmlUtils.htmlEscape(settings))
                .append("\">").append(HtmlUtils.htmlEscape(settings)).append("</a></p>\n</body></html>\n");
        return new OutboxLetter(dedupKey(recipientId, week), Outbox.DIGEST, recipientId, name, latest.recipientAddress(),
                NotificationDelivery.IMMEDIATELY, subject, text.toString(), html.toString(), null, null);
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Guten Tag," : "Guten Tag " + name + ",";
    }
}

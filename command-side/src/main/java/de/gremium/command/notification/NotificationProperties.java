package de.gremium.command.notification;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of notifications by e-mail ({@code gremium.notifications.*}, docs/notifications.md). The SMTP server is
 * Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host} nothing leaves the machine and the outbox holds
 * what would have been sent.
 *
 * @param sender the From address of every e-mail
 * @param intranetUrl where the intranet is reached from the people's mail programs (links in the e-mails)
 * @param zone the time zone in which e-mails state times and the digest day and times are meant
 * @param digestDay the day of the weekly digest
 * @param digestTime the time of day of the weekly digest
 * @param pollReminderBefore how long before a poll's answers are due the members who have not answered are reminded
 * @param agendaBefore how long before a meeting its agenda is sent
 * @param reviewReminderTime the time of day on a review date at which the coordinator is reminded
 * @param maxEventAge events older than this when handled cause no e-mail (a processor started on an old record, or
 *     reset, tells no one of the past)
 * @param pollInterval how often due timers, digests and the outbox are looked at
 * @param retryFirst the wait after a first failed delivery; doubled after each further failure
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts after this many failed attempts an e-mail is FAILED for good (with its reason)
 * @throws IllegalArgumentException for settings that make no sense (the application does not start): a blank sender,
 *     a negative {@code pollReminderBefore}, {@code agendaBefore} or {@code maxEventAge}, a {@code pollInterval} or
 *     {@code retryFirst} that is not positive, a {@code retryMax} shorter than {@code retryFirst} or longer than 7 days,
 *     {@code maxAttempts} below 1
 */
@ConfigurationProperties("gremium.notifications")
public record NotificationProperties(String sender, URI intranetUrl, ZoneId zone, DayOfWeek digestDay, LocalTime digestTime,
        Duration pollReminderBefore, Duration agendaBefore, LocalTime reviewReminderTime, Duration maxEventAge,
        Duration pollInterval, Duration retryFirst, Duration retryMax, Integer maxAttempts) {

    public NotificationProperties {
        if (sender != null && !sender.isEmpty() && sender.isBlank()) {
            throw new IllegalArgumentException("gremium.notifications.sender must not be blank");
        }
        sender = sender == null || sender.isBlank() ? "Projektgruppe Integration <gremium@localhost>" : sender;
        intranetUrl = intranetUrl == null ? URI.create("http://localhost:8082") : intranetUrl;
        zone = zone == null ? ZoneId.of("Europe/Berlin") : zone;
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestTime = digestTime == null ? LocalTime.of(7, 0) : digestTime;
        pollReminderBefore = pollReminderBefore == null ? Duration.ofDays(2) : pollReminderBefore;
        agendaBefore = agendaBefore == null ? Duration.ofDays(7) : agendaBefore;
        reviewReminderTime = reviewReminderTime == null ? LocalTime.of(8, 0) : reviewReminderTime;
        maxEventAge = maxEventAge == null ? Duration.ofDays(1) : maxEventAge;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        retryFirst = retryFirst == null ? Duration.ofMinutes(1) : retryFirst;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        maxAttempts = maxAttempts == null ? 30 : maxAttempts;
        if (pollReminderBefore.isNegative() || agendaBefore.isNegative() || maxEventAge.isNegative()) {
            throw new IllegalArgumentException("gremium.notifications.poll-reminder-before, agenda-before and max-event-age "
                    + "must not be negative");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("gremium.notifications.poll-interval must be positive: " + pollInterval);
        }
        if (retryFirst.isNegative() || retryFirst.isZero()) {
            throw new IllegalArgumentException("gremium.notifications.retry-first must be positive: " + retryFirst);
        }
        if (retryMax.compareTo(retryFirst) < 0 || retryMax.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("gremium.notifications.retry-max must be at least retry-first and at most "
                    + "7 days: " + retryMax);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("gremium.notifications.max-attempts must be at least 1: " + maxAttempts);
        }
    }
}

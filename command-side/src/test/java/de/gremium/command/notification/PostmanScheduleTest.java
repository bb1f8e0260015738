package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The postman as the command side wires it: Spring Boot's mail sender exactly when {@code spring.mail.host} is set
 * (with the SMTP timeouts of command-side.properties), rounds on Spring's scheduler every poll interval, none when
 * switched off.
 */
class PostmanScheduleTest {

    static final int PORT = TestStore.freePort();

    @RegisterExtension
    GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    final DataSource dataSource = TestStore.migratedDataSource(TestStore.newRecord());
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    PostmanScheduleTest() {
        PostmanTest.known(dataSource, "anna.amt50");
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
                .withUserConfiguration(NotificationConfiguration.class, Outbox.class, Postman.class, WeeklyDigest.class,
                        PostmanSchedule.class)
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PersonalDataKeys.class, () -> new PersonalDataKeys(dataSource))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues(mailSettingsOfTheCommandSide())
                .withPropertyValues("gremium.notifications.poll-interval=100ms");
    }

    static Properties settingsOfTheCommandSide() {
        Properties settings = new Properties();
        try (InputStream in = PostmanScheduleTest.class.getResourceAsStream("/command-side.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return settings;
    }

    static String[] mailSettingsOfTheCommandSide() {
        Properties settings = settingsOfTheCommandSide();
        return settings.stringPropertyNames().stream().filter(name -> name.startsWith("spring.mail."))
                .map(name -> name + "=" + settings.getProperty(name)).toArray(String[]::new);
    }

    String status() {
        return jdbc.queryForObject("SELECT status FROM notification_outbox", String.class);
    }

    @Test
    void withAnSmtpServerConfiguredTheScheduledPostmanDeliversWithTheTimeoutsOfTheSettings() {
        runner().withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT).run(context -> {
            Properties session = ((JavaMailSenderImpl) context.getBean(JavaMailSender.class)).getJavaMailProperties();
            assertThat(session).containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "20000")
                    .containsEntry("mail.smtp.writetimeout", "20000");

            context.getBean(Outbox.class).enqueue(PostmanTest.letter("e-1/MINUTES/anna.amt50", null));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status()).isEqualTo("SENT"));
        });
    }

    @Test
    void withoutSpringMailHostThereIsNoMailSenderAndTheRoundsHoldTheLetters() {
        runner().run(context -> {
            assertThat(context).doesNotHaveBean(JavaMailSender.class);
            assertThat(context.getBean(NotificationProperties.class).pollInterval()).isEqualTo(Duration.ofMillis(100));

            context.getBean(Outbox.class).enqueue(PostmanTest.letter("e-1/MINUTES/anna.amt50", null));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status()).isEqualTo("HELD"));
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
    }

    @Test
    void switchedOffThereAreNoRounds() {
        runner().withPropertyValues("gremium.notifications.postman.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(Postman.class).doesNotHaveBean(PostmanSchedule.class);
        });
    }

    @Test
    void theSchedulerHasAThreadBesideThePostmansAndWaitsOnShutdownForOneSendsWorstCase() {
        Properties settings = settingsOfTheCommandSide();
        assertThat(settings.getProperty("spring.task.scheduling.pool.size")).as("the idempotency clean-up shares the scheduler")
                .isEqualTo("2");
        long worstSend = Long.parseLong(settings.getProperty("spring.mail.properties[mail.smtp.connectiontimeout]"))
                + Long.parseLong(settings.getProperty("spring.mail.properties[mail.smtp.timeout]"))
                + Long.parseLong(settings.getProperty("spring.mail.properties[mail.smtp.writetimeout]"));
        Duration await = org.springframework.boot.convert.DurationStyle.detectAndParse(
                settings.getProperty("spring.task.scheduling.shutdown.await-termination-period"));
        assertThat(await).isGreaterThanOrEqualTo(Duration.ofMillis(worstSend)).isLessThan(Postman.CLAIM_TIMEOUT);
        assertThat(settings.getProperty("spring.task.scheduling.shutdown.await-termination")).isEqualTo("true");
    }
}

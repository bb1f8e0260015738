package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The intranet as the launcher runs it: a third Spring context in the JVM of both sides, whose jars (the platform,
 * Axon, JDBC, Flyway, MongoDB, springdoc) must not configure anything in it (intranet.properties excludes their
 * auto-configurations), pointed at the sides' actual ports.
 */
class IntranetInTheLauncherTest {

    /** Packages of the jars the launcher adds to the intranet's own classpath. */
    private static final List<String> FOREIGN = List.of("de.gremium.platform.", "de.gremium.command.", "de.gremium.query.",
            "org.axonframework.", "org.springdoc.", "org.flywaydb.", "com.mongodb.", "com.zaxxer.hikari.",
            "org.springframework.data.", "org.springframework.boot.jdbc.", "org.springframework.boot.flyway.",
            "org.springframework.boot.mongodb.", "org.springframework.boot.data.", "org.springframework.boot.jackson2.",
            "org.springframework.boot.transaction.", "org.springframework.boot.persistence.",
            "org.springframework.boot.validation.", "org.springframework.boot.security.oauth2.server.resource.");

    @TempDir
    static Path dataDir;
    static RunningSystem system;
    static ConfigurableApplicationContext intranet;
    static Http pages;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
        intranet = system.running.intranet();
        pages = Http.on(Ports.of(intranet));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theIntranetHasNoDataSourceNoAxonAndNoMongoClient() {
        assertThat(intranet.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(intranet.getBeanNamesForType(org.axonframework.config.Configuration.class)).isEmpty();
        assertThat(intranet.getBeanNamesForType(MongoClient.class)).isEmpty();
        assertThat(system.running.querySide().getBeanNamesForType(MongoClient.class)).hasSize(1);
    }

    @Test
    void noBeanAndNoAutoConfigurationOfTheIntranetComesFromTheSidesJars() {
        List<String> foreignBeans = Arrays.stream(intranet.getBeanDefinitionNames())
                .map(name -> intranet.getBeanFactory().getType(name))
                // Web MVC's own validator adapter appears wherever Bean Validation is on the classpath; harmless here,
                // since the intranet's forms carry no constraints (the APIs decide)
                .filter(type -> type != null && foreign(type.getName())
                        && !type.getName().startsWith("org.springframework.boot.validation."))
                .map(Class::getName).toList();
        assertThat(foreignBeans).as("beans of the sides' jars in the intranet").isEmpty();

        ConditionEvaluationReport report = ConditionEvaluationReport.get(intranet.getBeanFactory());
        List<String> evaluated = report.getConditionAndOutcomesBySource().keySet().stream()
                .filter(IntranetInTheLauncherTest::foreign).toList();
        assertThat(evaluated).as("auto-configurations of the sides' jars evaluated in the intranet").isEmpty();
    }

    /**
     * Spring Boot skips an excluded name that is not on the classpath without a word, so every exclusion of
     * intranet.properties must name a class that is here (otherwise the list has gone stale).
     */
    @Test
    void everyAutoConfigurationTheIntranetExcludesExistsInTheLaunchersJvm() {
        String[] excluded = intranet.getEnvironment().getRequiredProperty("spring.autoconfigure.exclude", String[].class);

        assertThat(excluded).hasSizeGreaterThan(50).allSatisfy(name -> assertThat(ClassUtils.isPresent(name.trim(), null))
                .as(name + " is on the classpath").isTrue());
    }

    @Test
    void theIntranetCallsBothSidesOnTheirActualPortsOnLoopbackWhereTheyListen() {
        assertThat(intranet.getEnvironment().getProperty("gremium.intranet.command-api"))
                .isEqualTo("http://127.0.0.1:" + Ports.of(system.running.commandSide()));
        assertThat(intranet.getEnvironment().getProperty("gremium.intranet.query-api"))
                .isEqualTo("http://127.0.0.1:" + Ports.of(system.running.querySide()));
        assertThat(Ports.of(intranet)).isNotIn(Ports.of(system.running.commandSide()), Ports.of(system.running.querySide()));
    }

    @Test
    void theIntranetAnswersItsHealthAndItsSignInPage() {
        Http.Response health = pages.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        Http.Response readiness = pages.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);

        Http.Response signIn = pages.anonymous().get("/anmelden");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("<html lang=\"de\"").contains("Anmelden");
    }

    private static boolean foreign(String className) {
        return FOREIGN.stream().anyMatch(className::startsWith);
    }
}

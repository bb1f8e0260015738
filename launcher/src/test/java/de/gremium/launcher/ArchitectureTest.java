package de.gremium.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.gremium.command.group.GroupDirectory;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.platform.web.ProblemDetailsAdvice;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of the architecture, checked on the compiled classes of all modules together. */
class ArchitectureTest {

    private static final String REFUSALS = "de.gremium.platform.refusal..";

    private static final JavaClasses GREMIUM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.gremium");

    @Test
    void theCommandSideNeverReadsTheQuerySide() {
        noClasses().that().resideInAPackage("de.gremium.command..")
                .should().dependOnClassesThat().resideInAPackage("de.gremium.query..")
                .check(GREMIUM);
    }

    @Test
    void theQuerySideNeverCallsTheCommandSide() {
        noClasses().that().resideInAPackage("de.gremium.query..")
                .should().dependOnClassesThat().resideInAPackage("de.gremium.command..")
                .check(GREMIUM);
    }

    @Test
    void thePlatformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("de.gremium.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("de.gremium.command..", "de.gremium.query..",
                        "de.gremium.launcher..")
                .check(GREMIUM);
    }

    @Test
    void onlyTheLauncherStartsEmbeddedDatabases() {
        noClasses().that().resideInAnyPackage("de.gremium.platform..", "de.gremium.command..", "de.gremium.query..",
                        "de.gremium.events..")
                .and().resideOutsideOfPackage("de.gremium.platform.testing..") // the test-jar's TestStore starts them for tests
                .should().dependOnClassesThat().resideInAnyPackage("de.gremium.embedded..", "io.zonky..",
                        "de.bwaldvogel..", "org.h2..")
                .check(GREMIUM);
    }

    @Test
    void theCommandSideKeepsNothingInMongo() {
        noClasses().that().resideInAPackage("de.gremium.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                        "org.springframework.data.mongodb..")
                .check(GREMIUM);
    }

    @Test
    void thePublishedLanguageDependsOnNoSpringAndNoMongo() {
        noClasses().that().resideInAPackage("de.gremium.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "de.gremium.platform..", "de.gremium.command..", "de.gremium.query..")
                .check(GREMIUM);
    }

    @Test
    void aggregatesAreDeterministicTheyReadNoClockAndMakeNoRandomIds() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(GREMIUM);
    }

    /**
     * Of the platform, aggregates use only the refusal model: it names why a command is refused, and depends on
     * the JDK alone (next rule), so the rules of the domain stay free of Spring, the web and the record.
     */
    @Test
    void aggregatesDoNotTouchTheDatabaseOrTheWeb() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                        "org.springframework.jdbc..", "java.sql..", "org.springframework.web..", "jakarta.servlet..")
                .orShould().dependOnClassesThat(resideInAPackage("de.gremium.platform..")
                        .and(not(resideInAPackage(REFUSALS))))
                .check(GREMIUM);
    }

    @Test
    void theRefusalModelDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(REFUSALS)
                .should().onlyDependOnClassesThat().resideInAnyPackage(REFUSALS, "java..")
                .check(GREMIUM);
    }

    /**
     * One refusal model, one handler: the same rule answers with the same status on every endpoint. (The intranet's
     * pages have their own advice, which renders the APIs' refusals as German pages: docs/adr/0006-intranet.md.)
     */
    @Test
    void theOnlyExceptionHandlerOfTheApisIsThePlatforms() {
        classes().that().areAnnotatedWith(ControllerAdvice.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
                .and().resideOutsideOfPackage("de.gremium.intranet..")
                .should().be(ProblemDetailsAdvice.class)
                .check(GREMIUM);
    }

    /** The intranet talks to both sides over HTTP only; no module but the launcher knows it. */
    @Test
    void theIntranetAndTheOtherModulesKnowEachOtherOnlyOverHttp() {
        noClasses().that().resideInAPackage("de.gremium.intranet..")
                .should().dependOnClassesThat().resideInAnyPackage("de.gremium.command..", "de.gremium.query..",
                        "de.gremium.platform..", "de.gremium.events..", "de.gremium.embedded..")
                .check(GREMIUM);
        noClasses().that().resideInAnyPackage("de.gremium.command..", "de.gremium.query..", "de.gremium.platform..",
                        "de.gremium.events..", "de.gremium.embedded..")
                .should().dependOnClassesThat().resideInAPackage("de.gremium.intranet..")
                .check(GREMIUM);
    }

    /** A refusal is a kind of the one model, never an exception that carries an HTTP status of its own. */
    @Test
    void refusalsAreThrownAsKindsOfTheOneModel() {
        noClasses().that().resideInAPackage("de.gremium..").and().areAssignableTo(RuntimeException.class)
                .and().resideOutsideOfPackage("de.gremium.platform.refusal..")
                .should().dependOnClassesThat().areAssignableTo(HttpStatus.class)
                .check(GREMIUM);
    }

    /**
     * Controllers only translate HTTP into a command or a query and the outcome into a status. Facts from other
     * aggregates (does the meeting exist, is the caller a member) are gathered by the feature's component
     * ({@code SchedulingPolls}, {@code Meetings}, {@code Deliberations}, …), and the aggregate decides.
     */
    @Test
    void controllersLoadNoAggregatesAndAskNoDirectory() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(AggregateReader.class)
                .orShould().dependOnClassesThat().areAssignableTo(GroupDirectory.class)
                .check(GREMIUM);
    }
}

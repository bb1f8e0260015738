package de.gremium.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The published language stays a language: immutable messages that depend on nothing but Axon's annotations. */
class PublishedLanguageTest {

    private static final JavaClasses LANGUAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.gremium.events");

    @Test
    void messagesDependOnNothingButTheJdkAndAxonsAnnotations() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "de.gremium.events..", "org.axonframework.modelling.command",
                        "org.axonframework.serialization")
                .check(LANGUAGE);
    }

    @Test
    void noSpringNoMongoAndNoJacksonInThePublishedLanguage() {
        classes().should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..")
                .check(LANGUAGE);
    }

    @Test
    void everyMessageIsARecordAnEnumOrASealedInterface() {
        List<JavaClass> notImmutable = LANGUAGE.stream()
                .filter(c -> c.isTopLevelClass())
                .filter(c -> !c.isRecord() && !c.isEnum() && !c.isInterface())
                .filter(c -> !c.getSimpleName().equals("package-info") && !c.getSimpleName().equals("PolicyFields"))
                .toList();
        assertThat(notImmutable).isEmpty();
    }

    @Test
    void everyEventCarriesARevisionSoThatItsShapeCanEvolveThroughUpcasters() {
        List<JavaClass> events = LANGUAGE.stream()
                .filter(JavaClass::isRecord)
                .filter(c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("Event")))
                .toList();
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.isAnnotatedWith(Revision.class)).as(e.getName()).isTrue());
    }
}

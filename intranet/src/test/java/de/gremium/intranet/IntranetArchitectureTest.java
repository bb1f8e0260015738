package de.gremium.intranet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "de.gremium.intranet", importOptions = ImportOption.DoNotIncludeTests.class)
class IntranetArchitectureTest {

    /** The intranet talks to both sides over HTTP only (docs/adr/0006-intranet.md). */
    @ArchTest
    static final ArchRule the_intranet_uses_no_class_of_the_sides_the_platform_or_the_published_language =
            noClasses().that().resideInAPackage("de.gremium.intranet..").should().dependOnClassesThat()
                    .resideInAnyPackage("de.gremium.command..", "de.gremium.query..", "de.gremium.platform..",
                            "de.gremium.events..", "org.axonframework..");

    /** Pages reach the APIs through {@code Apis} only, never with a client of their own. */
    @ArchTest
    static final ArchRule only_the_api_package_builds_http_clients = noClasses().that()
            .resideInAPackage("de.gremium.intranet..").and().resideOutsideOfPackages("de.gremium.intranet.api..", "de.gremium.intranet.signin..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient");
}

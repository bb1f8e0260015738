package de.gremium.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names a request body's schema by the simple name of its class. Two classes of
 * the same simple name (two nested {@code WithdrawalRequest} records, one with {@code note}, one with
 * {@code reason}) became one schema, so one endpoint was documented with the other's body.
 */
class RequestBodyNamesTest {

    @Test
    void everyRequestBodyTypeHasASimpleNameOfItsOwn() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Set<String>> classesBySimpleName = new TreeMap<>();
        int bodies = 0;
        for (BeanDefinition controller : scanner.findCandidateComponents("de.gremium.command")) {
            for (Method method : Class.forName(controller.getBeanClassName()).getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        bodies++;
                        Class<?> type = parameter.getType();
                        classesBySimpleName.computeIfAbsent(type.getSimpleName(), n -> new TreeSet<>()).add(type.getName());
                    }
                }
            }
        }
        assertThat(bodies).as("request bodies found").isGreaterThan(20);
        assertThat(classesBySimpleName).as("request body classes by simple name")
                .allSatisfy((name, classes) -> assertThat(classes).as(name).hasSize(1));
    }
}

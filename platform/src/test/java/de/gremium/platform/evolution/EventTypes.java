package de.gremium.platform.evolution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Every event of the published language, found on the classpath rather than listed, so that a new
 * event cannot be forgotten: a record implementing a sealed interface whose name ends in "Event".
 */
final class EventTypes {

    static final String PACKAGE = "de.gremium.events";

    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private EventTypes() {
    }

    static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
        return scanner.findCandidateComponents(PACKAGE).stream()
                .<Class<?>>map(definition -> load(definition.getBeanClassName()))
                .filter(EventTypes::isEvent)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    static boolean isEvent(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getInterfaces())
                .anyMatch(i -> i.isSealed() && i.getSimpleName().endsWith("Event"));
    }

    /** The revision Axon writes for this type (its {@code @Revision}), or null without one. */
    static String revisionOf(Class<?> type) {
        return REVISIONS.revisionOf(type);
    }

    static Class<?> load(String name) {
        try {
            return ClassUtils.forName(name, EventTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}

package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** A trace node's refs are what the event's link interfaces say, and every link interface is read. */
class TraceLinksTest {

    @Test
    void aRecommendationLinksToItsDeliberationMeetingAgendaItemIdeasAndReports() {
        RecommendationFormulated formulated = new RecommendationFormulated(new RecommendationId("rec-1"),
                new DeliberationId("d-1"), new MeetingId("regular-2026-Q4"), new AgendaItemId("a-1"), "Text",
                Set.of(PolicyField.LANGUAGE), List.of(new ProjectIdeaId("i-1")),
                List.of(new ProblemReportId("r-1"), new ProblemReportId("r-2")), "koordinator", Instant.EPOCH);

        assertThat(TraceLinks.of(formulated)).isEqualTo(Map.of(
                TraceLinks.RECOMMENDATION, List.of("rec-1"),
                TraceLinks.DELIBERATION, List.of("d-1"),
                TraceLinks.MEETING, List.of("regular-2026-Q4"),
                TraceLinks.AGENDA_ITEM, List.of("a-1"),
                TraceLinks.IDEA, List.of("i-1"),
                TraceLinks.REPORT, List.of("r-1", "r-2")));
    }

    @Test
    void everyLinkInterfaceOfThePublishedLanguageBecomesARef() throws Exception {
        List<Class<?>> links = linkInterfaces();
        assertThat(links).hasSizeGreaterThanOrEqualTo(10);

        for (Class<?> link : links) {
            List<String> ids = new ArrayList<>();
            Object event = Proxy.newProxyInstance(link.getClassLoader(), new Class<?>[] {link}, (proxy, method, args) -> {
                String id = link.getSimpleName() + "." + method.getName();
                ids.add(id);
                return sampleId(method, id);
            });

            List<String> refs = TraceLinks.of(event).values().stream().flatMap(List::stream).toList();

            assertThat(ids).as("accessors of %s", link.getSimpleName()).isNotEmpty();
            assertThat(refs).as("the refs of an event that implements %s", link.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /** Every interface in the package of the link interfaces, found on the classpath. */
    private static List<Class<?>> linkInterfaces() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface() && !definition.getMetadata().getClassName().endsWith("package-info");
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> links = new ArrayList<>();
        for (var definition : scanner.findCandidateComponents(LinksToMeeting.class.getPackageName())) {
            links.add(Class.forName(definition.getBeanClassName()));
        }
        return links;
    }

    /** A typed id (a record of one String) holding {@code value}, or a list of one such id. */
    private static Object sampleId(Method accessor, String value) throws ReflectiveOperationException {
        if (accessor.getReturnType() == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) accessor.getGenericReturnType()).getActualTypeArguments()[0];
            return List.of(typedId(element, value));
        }
        return typedId(accessor.getReturnType(), value);
    }

    private static Object typedId(Class<?> type, String value) throws ReflectiveOperationException {
        assertThat(type.isRecord() && Arrays.stream(type.getRecordComponents()).allMatch(c -> c.getType() == String.class))
                .as("%s is a typed id", type).isTrue();
        return type.getDeclaredConstructor(String.class).newInstance(value);
    }
}

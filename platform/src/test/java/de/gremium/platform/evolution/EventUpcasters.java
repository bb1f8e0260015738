package de.gremium.platform.evolution;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The upcasters golden fixtures are read through, in chain order. None exist yet.
 *
 * <p>The app builds its chain from every {@link EventUpcaster} bean, ordered by {@code @Order}
 * (RecordAutoConfiguration); both sides read every event type, so an upcaster belongs in
 * platform and is registered as a bean there. List it here as well:
 * {@code GoldenEventFixturesTest.theChainListsEveryUpcasterOnTheClasspathInSpringsOrder} fails while
 * an upcaster class under de.gremium is missing from this list, or the list is out of @Order.
 */
final class EventUpcasters {

    private EventUpcasters() {
    }

    static List<EventUpcaster> inChainOrder() {
        return List.of(
                // new ProblemReportAcknowledgedUpcaster1To2(),
        );
    }
}

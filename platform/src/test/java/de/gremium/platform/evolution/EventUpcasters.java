package de.gremium.platform.evolution;

import de.gremium.platform.axon.upcasting.ConsensusRecordedIdsBecameTyped;
import de.gremium.platform.axon.upcasting.DraftRecommendationPutIdsBecameTyped;
import de.gremium.platform.axon.upcasting.GuestCommentedGuestIdBecameTyped;
import de.gremium.platform.axon.upcasting.GuestInvitedGotAnEmail;
import de.gremium.platform.axon.upcasting.MeasureAdoptedRecommendationIdBecameTyped;
import de.gremium.platform.axon.upcasting.MeetingRescheduledGotACalendarOverride;
import de.gremium.platform.axon.upcasting.MeetingScheduledGotACalendarOverride;
import de.gremium.platform.axon.upcasting.MemberAppointedGotAnEmail;
import de.gremium.platform.axon.upcasting.ProblemReportAddressedRecommendationIdBecameTyped;
import de.gremium.platform.axon.upcasting.ProjectIdeaRecommendedRecommendationIdBecameTyped;
import de.gremium.platform.axon.upcasting.RecommendationFormulatedIdsBecameTyped;
import de.gremium.platform.axon.upcasting.SchedulingPollOpenedGotADeadline;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The upcasters golden fixtures are read through, in chain order.
 *
 * <p>The app builds its chain from every {@link EventUpcaster} bean, ordered by {@code @Order}
 * (Axon's InfraConfiguration); both sides read every event type, so an upcaster belongs in
 * platform and is registered as a bean there ({@code UpcastingAutoConfiguration}). List it here as well:
 * {@code GoldenEventFixturesTest.theChainListsEveryUpcasterOnTheClasspathInSpringsOrder} fails while
 * an upcaster class under de.gremium is missing from this list, or the list is out of @Order.
 */
final class EventUpcasters {

    private EventUpcasters() {
    }

    static List<EventUpcaster> inChainOrder() {
        return List.of(
                new ConsensusRecordedIdsBecameTyped(),
                new DraftRecommendationPutIdsBecameTyped(),
                new GuestCommentedGuestIdBecameTyped(),
                new MeasureAdoptedRecommendationIdBecameTyped(),
                new ProblemReportAddressedRecommendationIdBecameTyped(),
                new ProjectIdeaRecommendedRecommendationIdBecameTyped(),
                new RecommendationFormulatedIdsBecameTyped(),
                new MeetingScheduledGotACalendarOverride(),
                new MeetingRescheduledGotACalendarOverride(),
                new MemberAppointedGotAnEmail(),
                new GuestInvitedGotAnEmail(),
                new SchedulingPollOpenedGotADeadline());
    }
}

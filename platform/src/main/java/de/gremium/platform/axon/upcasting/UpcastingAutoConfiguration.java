package de.gremium.platform.axon.upcasting;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The upcasters of stored events, as beans: Axon builds the upcaster chain that the storage engine reads every stored
 * event through from every {@code EventUpcaster} bean, in {@code @Order}, on both sides (docs/schema-evolution.md).
 * The golden fixtures' test keeps its own copy of this list ({@code EventUpcasters.inChainOrder()}).
 */
@AutoConfiguration
public class UpcastingAutoConfiguration {

    @Bean
    ConsensusRecordedIdsBecameTyped consensusRecordedIdsBecameTyped() {
        return new ConsensusRecordedIdsBecameTyped();
    }

    @Bean
    DraftRecommendationPutIdsBecameTyped draftRecommendationPutIdsBecameTyped() {
        return new DraftRecommendationPutIdsBecameTyped();
    }

    @Bean
    GuestCommentedGuestIdBecameTyped guestCommentedGuestIdBecameTyped() {
        return new GuestCommentedGuestIdBecameTyped();
    }

    @Bean
    MeasureAdoptedRecommendationIdBecameTyped measureAdoptedRecommendationIdBecameTyped() {
        return new MeasureAdoptedRecommendationIdBecameTyped();
    }

    @Bean
    ProblemReportAddressedRecommendationIdBecameTyped problemReportAddressedRecommendationIdBecameTyped() {
        return new ProblemReportAddressedRecommendationIdBecameTyped();
    }

    @Bean
    ProjectIdeaRecommendedRecommendationIdBecameTyped projectIdeaRecommendedRecommendationIdBecameTyped() {
        return new ProjectIdeaRecommendedRecommendationIdBecameTyped();
    }

    @Bean
    RecommendationFormulatedIdsBecameTyped recommendationFormulatedIdsBecameTyped() {
        return new RecommendationFormulatedIdsBecameTyped();
    }

    @Bean
    MeetingScheduledGotACalendarOverride meetingScheduledGotACalendarOverride() {
        return new MeetingScheduledGotACalendarOverride();
    }

    @Bean
    MeetingRescheduledGotACalendarOverride meetingRescheduledGotACalendarOverride() {
        return new MeetingRescheduledGotACalendarOverride();
    }

    @Bean
    MemberAppointedGotAnEmail memberAppointedGotAnEmail() {
        return new MemberAppointedGotAnEmail();
    }

    @Bean
    GuestInvitedGotAnEmail guestInvitedGotAnEmail() {
        return new GuestInvitedGotAnEmail();
    }

    @Bean
    SchedulingPollOpenedGotADeadline schedulingPollOpenedGotADeadline() {
        return new SchedulingPollOpenedGotADeadline();
    }
}

package de.gremium.query.report;

import de.gremium.events.PolicyField;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ResolutionOutcome;
import de.gremium.events.recommendation.MayorsDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The group's activity over a period, for the advisory council (Beirat): what happened between
 * {@code from} and {@code to} (both inclusive, calendar days in {@code timeZone}), as the event store
 * tells it when the report is {@code generatedAt}. Every list is in the order the events were stored;
 * every {@code …On} date is the Berlin day of the event that put the entry on the list.
 */
public record AdvisoryCouncilReport(
        LocalDate from,
        LocalDate to,
        String timeZone,
        Instant generatedAt,
        Summary summary,
        Meetings meetings,
        Recommendations recommendations,
        ProblemReports problemReports,
        List<NetworkActivity> networkProjects,
        Monitoring monitoring) {

    /** The same report, answered at {@code instant}. */
    AdvisoryCouncilReport generatedAt(Instant instant) {
        return new AdvisoryCouncilReport(from, to, timeZone, instant, summary, meetings, recommendations, problemReports,
                networkProjects, monitoring);
    }

    /** How many entries each list below has. */
    public record Summary(int meetingsHeld, int meetingsCancelled, int recommendationsFormulated,
            int recommendationsSubmitted, int mayorsDecisions, int problemReportsSubmitted, int problemReportsClosed,
            int networkProjectsAnnounced, int networkProjectsCompleted, int networkProjectsDropped, int measuresAdopted,
            int verdictChanges) {
    }

    public record Meetings(List<HeldMeeting> held, List<CancelledMeeting> cancelled) {
    }

    /**
     * {@code date} is the Berlin day of the meeting's (last) scheduled start, or of its record as held if
     * it was never dated; {@code attendees} counts members, {@code guests} guests present.
     */
    public record HeldMeeting(String meetingId, String title, MeetingKind kind, LocalDate date, int attendees, int guests,
            int agendaItems) {
    }

    /** {@code plannedDate} is absent when the meeting was never dated. */
    public record CancelledMeeting(String meetingId, String title, MeetingKind kind, LocalDate plannedDate,
            LocalDate cancelledOn, String reason) {
    }

    public record Recommendations(List<FormulatedRecommendation> formulated, List<SubmittedRecommendation> submitted,
            List<Decision> decisions) {
    }

    /** A consensus that became a recommendation, in the meeting named. */
    public record FormulatedRecommendation(String recommendationId, String text, Set<PolicyField> policyFields,
            String meetingId, String meetingTitle, LocalDate formulatedOn) {
    }

    public record SubmittedRecommendation(String recommendationId, String text, String note, LocalDate submittedOn) {
    }

    /** The Lord Mayor's decision on a recommendation; a deferred one may be decided again later. */
    public record Decision(String recommendationId, String text, MayorsDecision decision, String reasons,
            LocalDate reviewDate, LocalDate decidedOn) {
    }

    /** Counts over all units, then per unit (by name; reports without a unit last). */
    public record ProblemReports(int submitted, int closed, List<UnitReports> byUnit) {
    }

    public record UnitReports(String unit, List<SubmittedReport> submitted, List<ClosedReport> closed) {
    }

    public record SubmittedReport(String reportId, String title, LocalDate submittedOn) {
    }

    public record ClosedReport(String reportId, String title, ResolutionOutcome outcome, String resolution,
            LocalDate closedOn) {
    }

    /** One network working group's projects: announced, completed and dropped in the period. Always all three groups. */
    public record NetworkActivity(NetworkWorkingGroup workingGroup, List<AnnouncedProject> announced,
            List<CompletedProject> completed, List<DroppedProject> dropped) {
    }

    public record AnnouncedProject(String projectId, String title, NetworkProjectStatus status, LocalDate startDate,
            LocalDate endDate, LocalDate announcedOn) {
    }

    /** {@code completedOn} is the day the project ended as recorded, or the day it was recorded. */
    public record CompletedProject(String projectId, String title, String summary, LocalDate completedOn) {
    }

    public record DroppedProject(String projectId, String title, String reason, LocalDate droppedOn) {
    }

    public record Monitoring(List<AdoptedMeasure> measuresAdopted, List<VerdictChange> verdictChanges) {
    }

    public record AdoptedMeasure(String measureId, String title, String recommendationId, LocalDate adoptedOn) {
    }

    /** The monitoring's verdict on a measure changed, and the observation it rests on ({@code basis}). */
    public record VerdictChange(String measureId, String title, MeasureVerdict verdict, MeasureVerdict previous,
            String basis, LocalDate changedOn) {
    }
}

package de.gremium.query.report;

import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.query.report.AdvisoryCouncilReport.AdoptedMeasure;
import de.gremium.query.report.AdvisoryCouncilReport.AnnouncedProject;
import de.gremium.query.report.AdvisoryCouncilReport.CancelledMeeting;
import de.gremium.query.report.AdvisoryCouncilReport.ClosedReport;
import de.gremium.query.report.AdvisoryCouncilReport.CompletedProject;
import de.gremium.query.report.AdvisoryCouncilReport.Decision;
import de.gremium.query.report.AdvisoryCouncilReport.DroppedProject;
import de.gremium.query.report.AdvisoryCouncilReport.FormulatedRecommendation;
import de.gremium.query.report.AdvisoryCouncilReport.HeldMeeting;
import de.gremium.query.report.AdvisoryCouncilReport.NetworkActivity;
import de.gremium.query.report.AdvisoryCouncilReport.SubmittedRecommendation;
import de.gremium.query.report.AdvisoryCouncilReport.SubmittedReport;
import de.gremium.query.report.AdvisoryCouncilReport.Summary;
import de.gremium.query.report.AdvisoryCouncilReport.UnitReports;
import de.gremium.query.report.AdvisoryCouncilReport.VerdictChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;

/**
 * Folds the stored events, oldest first, into the report of one period. Every event updates what the fold knows
 * (titles, units, meeting dates), so that an entry can name a meeting, report, project or measure created long
 * before. An entry counts when the day it happened (Europe/Berlin) lies in {@code [from, to]}, whenever it was
 * recorded: a held meeting and a recommendation formulated at it by the meeting's (last) scheduled start (else by
 * the day recorded), a cancelled meeting by the start it was to have, a completed network project by
 * {@code completedOn}; everything else by the instant its event carries ({@code submittedAt}, {@code recordedAt} of
 * the decision …). Events of types the report does not use are skipped before their payload is read.
 */
final class AdvisoryCouncilReportFold {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int MAX_YEARS = 5;

    private static final Set<Class<?>> USED = Set.of(MeetingPlanned.class, MeetingScheduled.class,
            MeetingRescheduled.class, MeetingHeld.class, MeetingCancelled.class, RecommendationFormulated.class,
            RecommendationSubmitted.class, MayorsDecisionRecorded.class, ProblemReportSubmitted.class,
            ProblemReportClosed.class, NetworkProjectAnnounced.class, NetworkProjectUpdated.class,
            NetworkProjectCompleted.class, NetworkProjectDropped.class, MeasureAdopted.class, MeasureVerdictChanged.class);

    private final LocalDate from;
    private final LocalDate to;

    private final Map<String, MeetingFacts> meetings = new HashMap<>();
    private final Map<String, String> recommendationTexts = new HashMap<>();
    private final Map<String, ReportFacts> reports = new HashMap<>();
    private final Map<String, ProjectFacts> projects = new HashMap<>();
    private final Map<String, String> measureTitles = new HashMap<>();

    private final List<HeldMeeting> held = new ArrayList<>();
    private final List<CancelledMeeting> cancelled = new ArrayList<>();
    private final List<FormulatedRecommendation> formulated = new ArrayList<>();
    private final List<SubmittedRecommendation> submitted = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, UnitLists> units = new TreeMap<>(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    private final Map<NetworkWorkingGroup, NetworkLists> network = new EnumMap<>(NetworkWorkingGroup.class);
    private final List<AdoptedMeasure> adopted = new ArrayList<>();
    private final List<VerdictChange> verdictChanges = new ArrayList<>();
    private int reportsSubmitted;
    private int reportsClosed;

    AdvisoryCouncilReportFold(LocalDate from, LocalDate to) {
        invalidPeriod(from, to).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        this.from = from;
        this.to = to;
        Arrays.stream(NetworkWorkingGroup.values()).forEach(g -> network.put(g, new NetworkLists()));
    }

    /** Why a period cannot be reported on: {@code to} before {@code from}, or longer than {@value #MAX_YEARS} years. */
    static Optional<String> invalidPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Optional.of("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            return Optional.of("the period from " + from + " to " + to + " is longer than " + MAX_YEARS
                    + " years; ask for several reports");
        }
        return Optional.empty();
    }

    void accept(EventMessage<?> event) {
        if (!USED.contains(event.getPayloadType())) {
            return;
        }
        // every event is read, those recorded after the period too: minutes recorded in January belong to the
        // December meeting's year, so what counts is the day a thing happened, never the day it was recorded
        Object payload = event.getPayload();
        if (payload instanceof MeetingPlanned e) {
            meetings.put(e.meetingId().value(), new MeetingFacts(e.title(), e.kind(), null));
        } else if (payload instanceof MeetingScheduled e) {
            meetings.computeIfPresent(e.meetingId().value(), (id, m) -> m.startingAt(e.start()));
        } else if (payload instanceof MeetingRescheduled e) {
            meetings.computeIfPresent(e.meetingId().value(), (id, m) -> m.startingAt(e.start()));
        } else if (payload instanceof MeetingHeld e) {
            MeetingFacts m = meetings.getOrDefault(e.meetingId().value(), MeetingFacts.UNKNOWN);
            LocalDate date = m.dayOr(e.recordedAt());
            if (inPeriod(date)) {
                held.add(new HeldMeeting(e.meetingId().value(), m.title(), m.kind(), date, e.attendees().size(),
                        e.guestsPresent().size(), e.agenda().size()));
            }
        } else if (payload instanceof MeetingCancelled e) {
            MeetingFacts m = meetings.getOrDefault(e.meetingId().value(), MeetingFacts.UNKNOWN);
            if (inPeriod(m.dayOr(e.cancelledAt()))) {
                cancelled.add(new CancelledMeeting(e.meetingId().value(), m.title(), m.kind(),
                        m.start() == null ? null : berlinDay(m.start()), berlinDay(e.cancelledAt()), e.reason()));
            }
        } else if (payload instanceof RecommendationFormulated e) {
            recommendationTexts.put(e.recommendationId().value(), e.text());
            String meeting = e.meetingId() == null ? null : e.meetingId().value();
            MeetingFacts m = meeting == null ? MeetingFacts.UNKNOWN : meetings.getOrDefault(meeting, MeetingFacts.UNKNOWN);
            LocalDate date = m.dayOr(e.formulatedAt());
            if (inPeriod(date)) {
                formulated.add(new FormulatedRecommendation(e.recommendationId().value(), e.text(), e.policyFields(),
                        meeting, m.title(), date));
            }
        } else if (payload instanceof RecommendationSubmitted e && inPeriod(berlinDay(e.submittedAt()))) {
            submitted.add(new SubmittedRecommendation(e.recommendationId().value(),
                    recommendationTexts.get(e.recommendationId().value()), e.note(), berlinDay(e.submittedAt())));
        } else if (payload instanceof MayorsDecisionRecorded e && inPeriod(berlinDay(e.recordedAt()))) {
            decisions.add(new Decision(e.recommendationId().value(), recommendationTexts.get(e.recommendationId().value()),
                    e.decision(), e.reasons(), e.reviewDate(), berlinDay(e.recordedAt())));
        } else if (payload instanceof ProblemReportSubmitted e) {
            reports.put(e.reportId().value(), new ReportFacts(e.title(), e.unit()));
            LocalDate day = berlinDay(e.submittedAt());
            if (inPeriod(day)) {
                reportsSubmitted++;
                unit(e.unit()).submitted.add(new SubmittedReport(e.reportId().value(), e.title(), day));
            }
        } else if (payload instanceof ProblemReportClosed e && inPeriod(berlinDay(e.closedAt()))) {
            ReportFacts r = reports.getOrDefault(e.reportId().value(), new ReportFacts(null, null));
            reportsClosed++;
            unit(r.unit()).closed.add(new ClosedReport(e.reportId().value(), r.title(), e.outcome(), e.resolution(),
                    berlinDay(e.closedAt())));
        } else if (payload instanceof NetworkProjectAnnounced e) {
            projects.put(e.projectId().value(), new ProjectFacts(e.workingGroup(), e.title()));
            LocalDate day = berlinDay(e.announcedAt());
            if (inPeriod(day)) {
                network.get(e.workingGroup()).announced.add(new AnnouncedProject(e.projectId().value(), e.title(),
                        e.status(), e.startDate(), e.endDate(), day));
            }
        } else if (payload instanceof NetworkProjectUpdated e) {
            ProjectFacts p = projects.get(e.projectId().value());
            if (p != null && e.title() != null) {
                projects.put(e.projectId().value(), new ProjectFacts(p.workingGroup(), e.title()));
            }
        } else if (payload instanceof NetworkProjectCompleted e) {
            LocalDate day = e.completedOn() == null ? berlinDay(e.recordedAt()) : e.completedOn();
            if (inPeriod(day)) {
                project(e.projectId().value()).ifPresent(p -> network.get(p.workingGroup()).completed.add(
                        new CompletedProject(e.projectId().value(), p.title(), e.summary(), day)));
            }
        } else if (payload instanceof NetworkProjectDropped e && inPeriod(berlinDay(e.recordedAt()))) {
            project(e.projectId().value()).ifPresent(p -> network.get(p.workingGroup()).dropped.add(new DroppedProject(
                    e.projectId().value(), p.title(), e.reason(), berlinDay(e.recordedAt()))));
        } else if (payload instanceof MeasureAdopted e) {
            measureTitles.put(e.measureId().value(), e.title());
            if (inPeriod(berlinDay(e.adoptedAt()))) {
                adopted.add(new AdoptedMeasure(e.measureId().value(), e.title(), e.recommendationId().value(),
                        berlinDay(e.adoptedAt())));
            }
        } else if (payload instanceof MeasureVerdictChanged e && inPeriod(berlinDay(e.evaluatedAt()))) {
            verdictChanges.add(new VerdictChange(e.measureId().value(), measureTitles.get(e.measureId().value()),
                    e.verdict(), e.previous(), e.basis(), berlinDay(e.evaluatedAt())));
        }
    }

    private boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    AdvisoryCouncilReport result(Instant generatedAt) {
        List<NetworkActivity> activity = network.entrySet().stream().map(g -> new NetworkActivity(g.getKey(),
                List.copyOf(g.getValue().announced), List.copyOf(g.getValue().completed),
                List.copyOf(g.getValue().dropped))).toList();
        Summary summary = new Summary(held.size(), cancelled.size(), formulated.size(), submitted.size(), decisions.size(),
                reportsSubmitted, reportsClosed,
                activity.stream().mapToInt(a -> a.announced().size()).sum(),
                activity.stream().mapToInt(a -> a.completed().size()).sum(),
                activity.stream().mapToInt(a -> a.dropped().size()).sum(),
                adopted.size(), verdictChanges.size());
        return new AdvisoryCouncilReport(from, to, BERLIN.getId(), generatedAt, summary,
                new AdvisoryCouncilReport.Meetings(List.copyOf(held), List.copyOf(cancelled)),
                new AdvisoryCouncilReport.Recommendations(List.copyOf(formulated), List.copyOf(submitted),
                        List.copyOf(decisions)),
                new AdvisoryCouncilReport.ProblemReports(reportsSubmitted, reportsClosed, units.entrySet().stream()
                        .map(u -> new UnitReports(u.getKey(), List.copyOf(u.getValue().submitted),
                                List.copyOf(u.getValue().closed))).toList()),
                activity,
                new AdvisoryCouncilReport.Monitoring(List.copyOf(adopted), List.copyOf(verdictChanges)));
    }

    private Optional<ProjectFacts> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    private UnitLists unit(String unit) {
        return units.computeIfAbsent(unit == null || unit.isBlank() ? null : unit, u -> new UnitLists());
    }

    private static LocalDate berlinDay(Instant instant) {
        return instant.atZone(BERLIN).toLocalDate();
    }

    /** What a meeting's earlier events said; its start moves with each (re)scheduling. */
    private record MeetingFacts(String title, MeetingKind kind, Instant start) {
        static final MeetingFacts UNKNOWN = new MeetingFacts(null, null, null);

        MeetingFacts startingAt(Instant newStart) {
            return new MeetingFacts(title, kind, newStart);
        }

        /** The Berlin day of the meeting's (last) scheduled start, or of {@code otherwise} if it was never dated. */
        LocalDate dayOr(Instant otherwise) {
            return berlinDay(start == null ? otherwise : start);
        }
    }

    private record ReportFacts(String title, String unit) {
    }

    private record ProjectFacts(NetworkWorkingGroup workingGroup, String title) {
    }

    private static final class UnitLists {
        final List<SubmittedReport> submitted = new ArrayList<>();
        final List<ClosedReport> closed = new ArrayList<>();
    }

    private static final class NetworkLists {
        final List<AnnouncedProject> announced = new ArrayList<>();
        final List<CompletedProject> completed = new ArrayList<>();
        final List<DroppedProject> dropped = new ArrayList<>();
    }
}

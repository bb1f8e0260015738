package de.gremium.query.deadletter;

import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportSubmitted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * A test-only projection of problem reports in a processing group of its own, with a bug that can be
 * switched off: while {@link #poisoned} is on, it throws on details that contain {@link #POISON}.
 *
 * <p>Deliberately not a {@code @Component}: test classes of this module are on the classpath of every
 * query-side test, and the application scans {@code de.gremium.query}. {@link DeadLetterApiTest} adds
 * it to its own context only, as a source ({@code --spring.main.sources}).
 *
 * <p>Like the real projections it applies an event only if its sequence number is newer than the
 * aggregate's version, so a redelivered event changes nothing.
 */
@ProcessingGroup(PoisonableProjection.GROUP)
class PoisonableProjection {

    static final String GROUP = "dead-letter-test";
    static final String POISON = "Gift";

    final AtomicBoolean poisoned = new AtomicBoolean(true);
    private final Map<String, List<String>> view = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    @EventHandler
    void on(ProblemReportSubmitted event, @SequenceNumber long sequence) {
        apply(event.reportId().value(), sequence, "submitted " + event.title());
    }

    @EventHandler
    void on(ProblemReportDetailsAdded event, @SequenceNumber long sequence) {
        if (poisoned.get() && event.details().contains(POISON)) {
            throw new IllegalStateException("cannot digest the details \"" + event.details() + "\"");
        }
        apply(event.reportId().value(), sequence, "details " + event.details());
    }

    @EventHandler
    void on(ProblemReportAcknowledged event, @SequenceNumber long sequence) {
        apply(event.reportId().value(), sequence, "acknowledged");
    }

    /** A copy of the view: per report, its applied events as "sequence: what". */
    synchronized Map<String, List<String>> view() {
        Map<String, List<String>> copy = new TreeMap<>();
        view.forEach((report, entries) -> copy.put(report, List.copyOf(entries)));
        return copy;
    }

    private synchronized void apply(String report, long sequence, String what) {
        if (sequence > versions.getOrDefault(report, -1L)) {
            view.computeIfAbsent(report, r -> new ArrayList<>()).add(sequence + ": " + what);
            versions.put(report, sequence);
        }
    }
}

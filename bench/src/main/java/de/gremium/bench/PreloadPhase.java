package de.gremium.bench;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.platform.axon.MetadataKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;

/**
 * Fills the record up to a number of stored events (--sizes) with new problem reports (one event each), waits until
 * every view has caught up, and starts the report's section for that size: every later phase measures on a record of
 * this size.
 *
 * <p>Two ways to fill it (--preload):
 * <ul>
 * <li>{@code gateway}: a bulk load. The query side's event processors are paused; the same {@link SubmitProblemReport}
 * command, with the metadata the API would give it (user anna.amt50, a fresh correlation id), is sent through the
 * command side's {@link CommandGateway} in this process by 8 threads: one command per unit of work and per
 * transaction, as through the API; no HTTP, no authentication, no JSON. Then the processors start again and catch up
 * from the record, as after a restart (timed: that is a rebuild of the new part);
 * <li>{@code api}: POST /api/problem-reports with 8 closed-loop clients, exactly like the command phases, the
 * processors building the views live.
 * </ul>
 */
final class PreloadPhase implements Phase {

    private static final int CLIENTS = 8;
    private static final Duration LIMIT = Duration.ofHours(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final long targetEvents;

    PreloadPhase(long targetEvents) {
        this.targetEvents = targetEvents;
    }

    @Override
    public String title() {
        return "filling the record to " + Format.count(targetEvents) + " events";
    }

    @Override
    public void run(Bench bench) throws Exception {
        long stored = bench.storedEvents();
        long missing = targetEvents - stored;
        bench.report.begin("Record of " + Format.count(targetEvents) + " events", targetEvents);
        if (missing <= 0) {
            bench.report.add(null, "The record held " + Format.count(stored) + " events already; nothing was added.", null);
            return;
        }
        boolean viaGateway = bench.options.preload().equals("gateway");
        String how = viaGateway ? "the CommandGateway (in-process, no HTTP)" : "the HTTP API (8 clients)";
        Bench.log("  " + Format.count(stored) + " events stored; adding " + Format.count(missing) + " reports via " + how);
        Load.Operation submit = viaGateway ? viaGateway(bench) : n -> bench.api.submit("Preloaded report " + n);
        List<StreamingEventProcessor> paused = viaGateway ? pauseProcessors(bench) : List.of();
        Load.Result r;
        try {
            r = Load.run("preload", CLIENTS, LIMIT, missing, bench.cpu, progress(missing, submit));
        } finally {
            paused.forEach(EventProcessor::start);
        }
        if (r.ops() < missing) {
            throw new BenchFailure("stored only " + r.ops() + " of " + missing + " reports within " + Format.duration(LIMIT));
        }
        Bench.log("  " + Format.count(r.ops()) + " commands in " + Format.seconds(r.elapsed()) + ", " + Format.rate(r.perSecond())
                + "; waiting for the views");
        Duration caughtUp = bench.awaitQuiet();
        Bench.log("  views caught up " + Format.seconds(caughtUp) + " later");
        bench.report.add(null, "Filled from " + Format.count(stored) + " to " + Format.count(bench.storedEvents()) + " events: "
                + Format.count(r.ops()) + " problem reports through " + how + " in " + Format.seconds(r.elapsed()) + " ("
                + Format.rate(r.perSecond()) + ", p50 " + Format.millis(r.latencies().percentileMillis(0.5)) + ", PostgreSQL's CPU "
                + Format.micros(r.postgresMicros()) + " per command)"
                + (viaGateway ? "; the " + paused.size() + " paused processors then caught up with them in " + Format.seconds(caughtUp)
                        + " (" + Format.rate(r.ops() / Math.max(1e-9, caughtUp.toNanos() / 1e9)) + ")"
                        : "; the views caught up " + Format.seconds(caughtUp) + " after the last command") + ".", null);
    }

    /** Stops every running streaming event processor of both sides, so that the bulk append does not compete with them. */
    private static List<StreamingEventProcessor> pauseProcessors(Bench bench) throws Exception {
        List<StreamingEventProcessor> paused = new ArrayList<>();
        for (var processing : List.of(bench.system.queryProcessing(), bench.system.commandProcessing())) {
            for (EventProcessor p : processing.eventProcessors().values()) {
                if (p instanceof StreamingEventProcessor s && s.isRunning()) {
                    s.shutdownAsync().get(60, TimeUnit.SECONDS);
                    paused.add(s);
                }
            }
        }
        Bench.log("  paused " + paused.size() + " event processors for the bulk append");
        return paused;
    }

    /** SubmitProblemReport through the command side's gateway, as the API's CommandDispatcher sends it. */
    private static Load.Operation viaGateway(Bench bench) {
        CommandGateway gateway = bench.system.commandGateway();
        return n -> {
            SubmitProblemReport command = new SubmitProblemReport(ProblemReportId.of(UUID.randomUUID()),
                    "Preloaded report " + n, Api.DESCRIPTION, Api.UNIT, Set.of(PolicyField.LANGUAGE), Api.MEMBER, Instant.now());
            MetaData metaData = MetaData.with(MetadataKeys.USER_ID, Api.MEMBER)
                    .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            bench.gatewayReports.incrementAndGet();
        };
    }

    /** Logs how far the preload got every 30 s: long preloads should not look hung. */
    private static Load.Operation progress(long total, Load.Operation op) {
        long start = System.nanoTime();
        AtomicLong nextLog = new AtomicLong(start + PROGRESS_EVERY.toNanos());
        AtomicLong done = new AtomicLong();
        return n -> {
            op.run(n);
            long finished = done.incrementAndGet();
            long now = System.nanoTime();
            long due = nextLog.get();
            if (now >= due && nextLog.compareAndSet(due, now + PROGRESS_EVERY.toNanos())) {
                double seconds = (now - start) / 1e9;
                Bench.log(String.format(java.util.Locale.ROOT, "    %s of %s after %.0f s (%s overall)",
                        Format.count(finished), Format.count(total), seconds, Format.rate(finished / seconds)));
            }
        };
    }
}

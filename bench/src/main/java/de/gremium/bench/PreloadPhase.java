package de.gremium.bench;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.platform.axon.MetadataKeys;
import de.gremium.query.audit.AuditLogProjection;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
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
 * Fills the store up to a number of stored events (--sizes / --events) with new problem reports (one
 * event each), waits until the views show them all, and starts the report's section for that size:
 * every later phase measures on a store of this size.
 *
 * <p>Two ways to fill it (--preload):
 * <ul>
 * <li>{@code api}: POST /api/problem-reports with 8 closed-loop clients, exactly like the command phases;
 * <li>{@code gateway}: a bulk load. The event processors of both sides are stopped; the same
 * {@link SubmitProblemReport} command, with the metadata the API would give it (user anna.amt50, a fresh
 * correlation id), is sent through the command side's {@link CommandGateway} in this process by 8 threads:
 * same aggregate, same event, same durability flush after each command; no HTTP, no authentication, no
 * JSON. Then the processors start again and build the views from the store, as after a restart. The
 * audit log is the exception: see {@link #auditCatchUp}.
 * </ul>
 */
final class PreloadPhase implements Phase {

    private static final int CLIENTS = 8;
    private static final Duration LIMIT = Duration.ofHours(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Duration AUDIT_CATCH_UP = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(60);
    static final String AUDIT_LOG = AuditLogProjection.GROUP;
    /** The audit log's hash chain: one link per chained event. */
    static final String CHAIN_COLLECTION = "event_chain";

    private final long targetEvents;

    PreloadPhase(long targetEvents) {
        this.targetEvents = targetEvents;
    }

    @Override
    public String title() {
        return "store size " + Format.count(targetEvents) + " events";
    }

    @Override
    public void run(Bench bench) throws Exception {
        long stored = bench.storedEvents();
        long missing = targetEvents - stored;
        Report.Preload preload = null;
        if (missing > 0) {
            boolean viaGateway = bench.options.preload().equals("gateway");
            String how = viaGateway ? "the CommandGateway (in-process, no HTTP)" : "the HTTP API (8 clients)";
            Bench.log("  " + Format.count(stored) + " events stored; adding " + Format.count(missing) + " reports via " + how);
            Load.Operation submit = viaGateway ? viaGateway(bench) : n -> bench.api.submit("Preloaded report " + n);
            Load.Operation withProgress = progress(bench, missing, submit);
            List<StreamingEventProcessor> paused = viaGateway ? pauseProcessors(bench) : List.of();
            StreamingEventProcessor audit = paused.stream().filter(p -> AUDIT_LOG.equals(p.getName())).findFirst().orElse(null);
            Load.Result r;
            try {
                r = Load.run("preload", CLIENTS, LIMIT, missing, withProgress);
            } finally {
                paused.stream().filter(p -> p != audit).forEach(EventProcessor::start);
            }
            if (r.ops() < missing) {
                throw new BenchFailure("stored only " + r.ops() + " of " + missing + " reports within " + Format.duration(LIMIT));
            }
            Bench.log("  " + Format.count(r.ops()) + " commands in " + Format.seconds(r.elapsed()) + ", "
                    + Format.rate(r.perSecond()) + "; waiting for the views");
            // the views must be complete before anything is measured on this size: wait as long as it takes (bounded)
            Duration caughtUp = bench.awaitProcessorsCaughtUp(CATCH_UP_LIMIT).plus(bench.awaitViewsCaughtUp());
            Bench.log("  views and event processors caught up " + Format.seconds(caughtUp) + " later");
            Report.AuditCatchUp auditCatchUp = audit == null ? null : auditCatchUp(bench, audit);
            preload = new Report.Preload(viaGateway ? "gateway" : "API", r.ops(), r.elapsed(), caughtUp,
                    viaGateway ? paused.size() : 0, auditCatchUp);
        }
        Report.Section section = bench.report.beginSection(targetEvents, bench.storedEvents());
        section.preload = preload;
        Bench.log("  measuring on " + Format.count(section.eventsAtStart) + " stored events");
    }

    /**
     * The audit log after a bulk load. Its projection looks up every event's stored document; before the
     * embedded server had indexes of its own (ADR 0002) that lookup scanned the event store, and catching up
     * cost hours at 100,000 events. It is given 60 s to show its rate at this size; if it has not caught up
     * by then, its token is moved to the head of the store, as if it had
     * caught up over the months the store took to grow: its chain then continues from there. Every event
     * after that is chained (and costs its scan) during the measurements, as in live operation.
     */
    private static Report.AuditCatchUp auditCatchUp(Bench bench, StreamingEventProcessor audit) throws Exception {
        MongoCollection<Document> links = bench.raw.getDatabase(bench.system.database()).getCollection(CHAIN_COLLECTION);
        long chainedBefore = links.countDocuments();
        long start = System.nanoTime();
        audit.start();
        long deadline = start + AUDIT_CATCH_UP.toNanos();
        Instant head = bench.headTimestamp();
        boolean caughtUp = false;
        while (!caughtUp && System.nanoTime() < deadline) {
            Thread.sleep(250);
            caughtUp = !audit.processingStatus().isEmpty() && audit.processingStatus().values().stream()
                    .allMatch(s -> s.isCaughtUp() && Bench.reached(s.getTrackingToken(), head));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long chained = links.countDocuments() - chainedBefore;
        long stored = bench.storedEvents();
        long remaining = Math.max(0, stored - links.countDocuments());
        if (caughtUp) {
            Bench.log("  audit log caught up: " + Format.count(chained) + " events chained in " + Format.seconds(took));
            return new Report.AuditCatchUp(chained, took, 0);
        }
        audit.shutdownAsync().get(60, TimeUnit.SECONDS);
        audit.resetTokens(source -> source.createHeadToken());
        audit.start();
        Report.AuditCatchUp result = new Report.AuditCatchUp(chained, took, remaining);
        Bench.log("  audit log: " + Format.count(chained) + " events chained in " + Format.seconds(took) + " ("
                + Format.rate(result.perSecond()) + "); the remaining " + Format.count(remaining) + " would take about "
                + Format.seconds(result.projected()) + " at that rate: its token was moved to the head of the store");
        return result;
    }

    /**
     * Stops every running streaming event processor of both sides, so that the bulk append does not
     * compete with them (each of them would query the store for the new events while it grows); they
     * start again afterwards and catch up in batches.
     */
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
    private static Load.Operation progress(Bench bench, long total, Load.Operation op) {
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

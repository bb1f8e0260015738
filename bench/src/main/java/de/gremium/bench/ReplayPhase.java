package de.gremium.bench;

import de.gremium.query.problem.ProblemBoardProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Projection replay: the problem board's processor is shut down, its token reset (its reset handler
 * empties the view) and started again. Timed from the start until its token has caught up with the
 * head of the store (every segment caught up, its token at the newest event's timestamp) and the board
 * shows every report again. The rate is the store's events divided by that time: the processor reads
 * all of them.
 */
final class ReplayPhase implements Phase {

    static final String PROCESSOR = ProblemBoardProjection.GROUP;
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);

    @Override
    public String title() {
        return "projection replay (" + PROCESSOR + ")";
    }

    @Override
    public void run(Bench bench) throws Exception {
        StreamingEventProcessor processor = bench.system.queryProcessing()
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new BenchFailure("the query side has no streaming processor " + PROCESSOR));
        if (!processor.supportsReset()) {
            throw new BenchFailure(PROCESSOR + " does not support a reset");
        }
        bench.awaitQuiet(); // nothing else in flight: the replay reads a store that does not change
        long events = bench.storedEvents();
        long reports = bench.api.boardTotal();
        int batchSize = Integer.parseInt(bench.system.queryProperty("gremium.events.batch-size", "1000"));
        Instant head = bench.headTimestamp();
        Bench.log("  " + Format.count(events) + " events stored, " + Format.count(reports) + " reports on the board");

        CpuAccounting cpu = new CpuAccounting();
        long resetStart = System.nanoTime();
        processor.shutdownAsync().get(SHUTDOWN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        processor.resetTokens();
        long resetDone = System.nanoTime();

        CpuAccounting.Snapshot before = cpu.snapshot();
        ThreadSampler sampler = new ThreadSampler("replay", name -> name.startsWith("EventProcessor[" + PROCESSOR + "]"),
                (thread, stack) -> category(stack), 10, 1_000_000);
        long start = System.nanoTime();
        processor.start();
        long deadline = start + bench.options.replayTimeout().toNanos();
        long caughtUpAt = 0;
        long boardCompleteAt = 0;
        long nextCount = start;
        long nextLog = start + Duration.ofSeconds(30).toNanos();
        long rebuilt = reports;
        boolean finished = true;
        while (caughtUpAt == 0 || boardCompleteAt == 0) {
            long now = System.nanoTime();
            if (now > deadline) {
                // reported as unfinished with the rate so far; the processor goes on, later phases wait for it
                rebuilt = bench.api.boardTotal();
                finished = false;
                Bench.log("  the replay did not finish within " + Format.duration(bench.options.replayTimeout()) + ": "
                        + Format.count(rebuilt) + " of " + Format.count(reports) + " reports rebuilt; " + describe(processor.processingStatus()));
                caughtUpAt = caughtUpAt == 0 ? now : caughtUpAt;
                boardCompleteAt = boardCompleteAt == 0 ? now : boardCompleteAt;
                break;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState()) {
                    throw new BenchFailure("the replay of " + PROCESSOR + " failed", segment.getError());
                }
            }
            // Not isReplaying(): Axon keeps the ReplayToken until an event newer than the reset position
            // arrives, so a replay on a quiet store never "ends". Caught up = at the head and nothing left.
            if (caughtUpAt == 0 && !status.isEmpty()
                    && status.values().stream().allMatch(s -> s.isCaughtUp() && Bench.reached(s.getTrackingToken(), head))) {
                caughtUpAt = now;
            }
            // the board's count is an HTTP call with a count of the view: not every 5 ms
            if (boardCompleteAt == 0 && (caughtUpAt != 0 || now >= nextCount)) {
                if (bench.api.boardTotal() >= reports) {
                    boardCompleteAt = System.nanoTime();
                }
                nextCount = System.nanoTime() + Duration.ofMillis(250).toNanos();
            }
            if (now >= nextLog) {
                Bench.log("    replaying for " + Format.seconds(Duration.ofNanos(now - start)) + ": " + describe(status));
                nextLog = now + Duration.ofSeconds(30).toNanos();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        CpuAccounting.Usage used = cpu.since(before);
        sampler.close();
        if (sampler.example(OTHER) != null) {
            Bench.log("  a stack of the replaying thread in '" + OTHER + "':\n        " + sampler.example(OTHER));
        }
        Duration replay = Duration.ofNanos(Math.max(caughtUpAt, boardCompleteAt) - start);
        // unfinished: the events read so far, estimated from the share of the reports rebuilt
        long eventsRead = finished ? events : Math.round(events * (rebuilt / (double) Math.max(1, reports)));
        Report.Replay result = new Report.Replay(PROCESSOR, eventsRead, rebuilt, Duration.ofNanos(resetDone - resetStart), replay,
                Duration.ofNanos(boardCompleteAt - start), used, batchSize, sampler.counts(), finished, events);
        bench.report.replay(result);
        Bench.log("  replayed " + Format.count(events) + " events in " + Format.seconds(replay) + ": "
                + Format.rate(result.eventsPerSecond()));
    }

    static final String WAIT_EVENTS = "waiting for the store: reading events (Axon's tracking query)";
    static final String WAIT_TOKEN = "waiting for the store: token updates";
    static final String WAIT_VIEW = "waiting for the store: view writes (board upserts)";
    static final String TOKEN = "Axon's MongoTrackingToken (look-back window bookkeeping)";
    static final String DESERIALIZE = "deserialising events (Jackson)";
    static final String DRIVER = "MongoDB driver, client side (BSON encoding, decoding)";
    static final String MAPPING = "Spring Data mapping of the view writes";
    static final String PARKED = "parked or waiting (back-off, locks)";
    static final String OTHER = "Axon (unit of work, handler invocation) and other code";

    /** Where the replaying thread is, by its stack: the categories above, first match wins. */
    static String category(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return OTHER;
        }
        if (ThreadSampler.topFrames(stack, 40, "sun.nio.ch.", "java.net.Socket", "sun.nio.ch.NioSocketImpl",
                "com.mongodb.internal.connection.SocketStream")) {
            if (ThreadSampler.anyFrame(stack, "org.axonframework.extensions.mongo.eventsourcing.eventstore.")) {
                return WAIT_EVENTS;
            }
            if (ThreadSampler.anyFrame(stack, "org.axonframework.extensions.mongo.eventsourcing.tokenstore.")) {
                return WAIT_TOKEN;
            }
            return WAIT_VIEW;
        }
        if (ThreadSampler.anyFrame(stack, "org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken")) {
            return TOKEN;
        }
        if (ThreadSampler.anyFrame(stack, "com.fasterxml.jackson.", "org.axonframework.serialization.")) {
            return DESERIALIZE;
        }
        if (ThreadSampler.anyFrame(stack, "org.bson.", "com.mongodb.")) {
            return DRIVER;
        }
        if (ThreadSampler.anyFrame(stack, "org.springframework.data.mongodb.")) {
            return MAPPING;
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        if (top.startsWith("jdk.internal.misc.Unsafe.park") || top.startsWith("java.lang.Object.wait")
                || top.startsWith("java.lang.Thread.sleep")) {
            return PARKED;
        }
        return OTHER;
    }

    private static String describe(Map<Integer, EventTrackerStatus> status) {
        StringBuilder out = new StringBuilder();
        status.forEach((segment, s) -> out.append("segment ").append(segment).append(s.isReplaying() ? " replaying" : "")
                .append(s.isCaughtUp() ? " caught up" : " behind").append(s.isErrorState() ? " ERROR" : "")
                .append(", token ").append(s.getTrackingToken()).append("; "));
        String text = out.length() == 0 ? "no segment claimed yet" : out.toString();
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}

package de.gremium.bench;

import java.time.Duration;

/**
 * POST /api/problem-reports as fast as {@code clients} closed-loop clients can, for the phase's
 * duration; every answer must be 201. Afterwards waits until the views caught up, so that the next
 * phase does not compete with the projection's backlog.
 */
final class CommandThroughputPhase implements Phase {

    private final int clients;

    CommandThroughputPhase(int clients) {
        this.clients = clients;
    }

    @Override
    public String title() {
        return "commands via HTTP API, " + Report.clientsLabel(clients);
    }

    @Override
    public void run(Bench bench) throws Exception {
        long storedBefore = bench.storedEvents();
        ThreadSampler waiting = new ThreadSampler("commands", ThreadSampler::mayCallStore, ThreadSampler::storeCaller,
                Report.STORE_WAIT_SAMPLING_MS, 1_000_000);
        Load.Result r;
        try {
            r = Load.run("commands-" + clients, clients, bench.options.duration(), Long.MAX_VALUE,
                    n -> bench.api.submit("Benchmark report " + clients + "/" + n));
        } finally {
            waiting.close();
        }
        bench.report.current().storeWaits.put("command x" + clients, waiting.averages());
        bench.report.throughput(Report.COMMANDS, r);
        Bench.log("  " + Format.count(r.ops()) + " x 201, " + Format.rate(r.perSecond()) + ", p99 "
                + Format.millis(r.latencies().percentileMillis(0.99)));
        Duration caughtUp = bench.awaitQuiet();
        Bench.log("  views and event processors caught up " + Format.millis(caughtUp.toNanos() / 1e6) + " after the phase");
        bench.report.commandPhaseContext(clients, storedBefore, caughtUp);
    }
}

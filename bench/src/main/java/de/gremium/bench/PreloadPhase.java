package de.gremium.bench;

import java.time.Duration;

/** Fills the store through the API first (--events=N), to measure on a store that is not nearly empty. */
final class PreloadPhase implements Phase {

    private static final int CLIENTS = 8;
    private static final Duration LIMIT = Duration.ofHours(2);

    private final long events;

    PreloadPhase(long events) {
        this.events = events;
    }

    @Override
    public String title() {
        return "storing " + Format.count(events) + " reports first";
    }

    @Override
    public void run(Bench bench) throws Exception {
        Load.Result r = Load.run("preload", CLIENTS, LIMIT, events, n -> bench.api.submit("Preloaded report " + n));
        if (r.ops() < events) {
            throw new BenchFailure("stored only " + r.ops() + " of " + events + " reports within " + Format.duration(LIMIT));
        }
        Bench.log("  " + Format.count(r.ops()) + " commands, " + Format.rate(r.perSecond()) + "; waiting for the views");
        Duration caughtUp = bench.awaitViewsCaughtUp();
        Bench.log("  views caught up in " + Format.millis(caughtUp.toNanos() / 1e6));
        bench.report.context("store preloaded with " + Format.count(r.ops()) + " reports through the API");
    }
}

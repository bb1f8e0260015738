package de.gremium.bench;

/**
 * One measurement (or preparation) of the run. Phases run in order on one system; each reads what it
 * needs from {@link Bench} and writes its figures into {@link Bench#report}. A new measurement is a
 * new phase, added in {@link Benchmark#plan}.
 */
interface Phase {

    String title();

    void run(Bench bench) throws Exception;
}

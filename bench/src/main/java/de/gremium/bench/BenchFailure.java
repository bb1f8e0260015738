package de.gremium.bench;

/** Something the benchmark cannot ignore (a non-201, a lost view, a system that did not start): aborts the run. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

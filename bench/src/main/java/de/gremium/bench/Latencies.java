package de.gremium.bench;

import java.util.Arrays;

/** Sorted latencies in nanoseconds; percentiles by nearest rank. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** p in [0, 1]; NaN if there are no samples. */
    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** A growable array of longs for one thread, that stops growing at a bound. */
    static final class Recorder {
        private static final int MAX = 1 << 22;
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                if (size >= MAX) {
                    return;
                }
                values = Arrays.copyOf(values, Math.min(MAX, size * 2));
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

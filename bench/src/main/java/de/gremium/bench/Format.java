package de.gremium.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Number formatting of the report (always with a dot, whatever the machine's locale). */
final class Format {

    private Format() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f/s" : "%,.1f/s", perSecond);
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, ms >= 100 ? "%,.0f ms" : ms >= 1 ? "%.1f ms" : "%.2f ms", ms);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    static String cores(double cores) {
        return String.format(Locale.ROOT, "%.2f of %d", cores, Runtime.getRuntime().availableProcessors());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds with one decimal (or milliseconds below one second). */
    static String seconds(Duration d) {
        return d.toMillis() < 1000 ? millis(d.toNanos() / 1e6) : String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    static String micros(double us) {
        return Double.isNaN(us) ? "-" : String.format(Locale.ROOT, us >= 100 ? "%,.0f µs" : "%.1f µs", us);
    }

    static String megabytes(double kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "×%.1f", r);
    }

    /** The median of the values (the lower middle one of an even count: a value that was measured). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
    }

    /** "median (min–max)" of several rounds, or the one value. */
    static String spread(List<Double> values, DoubleFunction<String> format) {
        List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        String median = format.apply(median(sorted));
        return sorted.size() == 1 ? median
                : median + " (" + format.apply(sorted.get(0)) + "–" + format.apply(sorted.get(sorted.size() - 1)) + ")";
    }

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

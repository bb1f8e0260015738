package de.gremium.bench;

import java.time.Duration;
import java.util.Locale;

/** Number formatting of the report (always with a dot, whatever the machine's locale). */
final class Format {

    private Format() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f/s" : "%,.1f/s", perSecond);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : "%.1f ms", ms);
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

    static String micros(Double us) {
        return us == null ? "-" : String.format(Locale.ROOT, us >= 100 ? "%.0f µs" : "%.1f µs", us);
    }

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

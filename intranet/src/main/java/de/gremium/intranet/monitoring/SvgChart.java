package de.gremium.intranet.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A line chart as an SVG document of its own (a String for {@code th:utext}), drawn on the server so that it needs no
 * script (docs/adr/0006-intranet.md, section 3). The periods are the x axis in the order the series give them; each
 * series differs from the others by marker shape and dash as well as colour; reference lines (a measure's baseline
 * and target) are dashed and labelled. {@code <title>} and {@code <desc>} name what is shown; the page puts a table
 * of exactly the same points beside it.
 *
 * <p>No inline {@code style}: the page's Content-Security-Policy forbids it, presentation attributes are allowed.
 * Every text put into the SVG is escaped here.
 */
public final class SvgChart {

    /** One value of a series: the period as the axis shows it and the value. */
    public record Point(String label, BigDecimal value) {
        public Point {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A named series of points, in the order they are drawn. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A horizontal line at a value, such as a measure's baseline or target. */
    public record ReferenceLine(String label, BigDecimal value) {
    }

    /** Colours with at least 3:1 against white; the shapes and dashes carry the difference too. */
    private static final String[] COLOURS = {"#0b5394", "#a63d00", "#00704f", "#7d2e68", "#4d4d4d"};
    private static final String[] DASHES = {null, "8 4", "2 3", "10 3 2 3", "5 5"};
    private static final String[] REFERENCE_COLOURS = {"#5c5c5c", "#1f6f1f", "#8a1c1c"};
    private static final String[] REFERENCE_DASHES = {"6 4", "12 4", "3 3"};

    static final int WIDTH = 640;
    static final int LEFT = 72;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int PLOT_HEIGHT = 220;
    static final int AXIS_LABELS = 48;
    static final int LEGEND_LINE = 20;

    private final String id;
    private final String title;
    private final String description;
    private final String unit;
    private final List<Series> series = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();

    private SvgChart(String id, String title, String description, String unit) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.unit = unit;
    }

    /**
     * @param id          unique on the page; the title and description get {@code id-titel} and {@code id-beschreibung}
     * @param description what is shown and the latest value, for screen readers
     * @param unit        the values' unit for the y axis (may be blank)
     */
    public static SvgChart of(String id, String title, String description, String unit) {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a chart id is a letter followed by letters, digits, '-' or '_'");
        }
        return new SvgChart(id, title == null ? "" : title, description == null ? "" : description, unit);
    }

    public SvgChart series(String name, List<Point> points) {
        series.add(new Series(name, points));
        return this;
    }

    public SvgChart reference(String label, BigDecimal value) {
        if (value != null) {
            references.add(new ReferenceLine(label, value));
        }
        return this;
    }

    List<Series> allSeries() {
        return List.copyOf(series);
    }

    List<ReferenceLine> references() {
        return List.copyOf(references);
    }

    public String id() {
        return id;
    }

    public String titleId() {
        return id + "-titel";
    }

    public String descriptionId() {
        return id + "-beschreibung";
    }

    /** The SVG element. */
    public String render() {
        List<String> periods = periods();
        Scale scale = Scale.of(values());
        int legendLines = series.size() > 1 || !references.isEmpty() ? series.size() + references.size() : 0;
        int height = TOP + PLOT_HEIGHT + AXIS_LABELS + legendLines * LEGEND_LINE + 8;
        int plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(titleId()).append(' ').append(descriptionId()).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title id=\"").append(titleId()).append("\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(descriptionId()).append("\">").append(escape(description)).append("</desc>");

        // y axis with its grid and German numbers
        svg.append("<g class=\"achse-y\">");
        for (BigDecimal tick : scale.ticks()) {
            double y = y(scale, tick);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#d0d0d0", null, 1));
            svg.append(text(LEFT - 6, y + 4, "end", GermanFormat.number(tick), "#1a1a1a"));
        }
        if (unit != null && !unit.isBlank()) {
            svg.append(text(4, TOP - 6, "start", unit, "#1a1a1a"));
        }
        svg.append(line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#1a1a1a", null, 1));
        svg.append("</g>");

        // x axis: one label per period; crowded axes label every n-th
        svg.append("<g class=\"achse-x\">");
        svg.append(line(LEFT, TOP + PLOT_HEIGHT, WIDTH - RIGHT, TOP + PLOT_HEIGHT, "#1a1a1a", null, 1));
        int every = Math.max(1, (int) Math.ceil(periods.size() / 8.0));
        for (int i = 0; i < periods.size(); i++) {
            double x = x(i, periods.size(), plotWidth);
            svg.append(line(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 4, "#1a1a1a", null, 1));
            if (i % every == 0 || i == periods.size() - 1) {
                svg.append(text(x, TOP + PLOT_HEIGHT + 18, "middle", periods.get(i), "#1a1a1a"));
            }
        }
        svg.append("</g>");

        // reference lines, dashed and labelled at their right end
        for (int r = 0; r < references.size(); r++) {
            ReferenceLine reference = references.get(r);
            double y = y(scale, reference.value());
            String colour = REFERENCE_COLOURS[r % REFERENCE_COLOURS.length];
            svg.append("<g class=\"bezugslinie\">");
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, colour, REFERENCE_DASHES[r % REFERENCE_DASHES.length], 2));
            svg.append(text(WIDTH - RIGHT - 4, y - 5, "end",
                    reference.label() + " " + GermanFormat.number(reference.value()), colour));
            svg.append("</g>");
        }

        // the series: a line through the points, and a marker of the series' shape on each
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            svg.append("<g class=\"reihe\">");
            StringBuilder points = new StringBuilder();
            List<double[]> at = new ArrayList<>();
            for (Point point : one.points()) {
                double x = x(periods.indexOf(point.label()), periods.size(), plotWidth);
                double y = y(scale, point.value());
                at.add(new double[] {x, y});
                points.append(points.isEmpty() ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
            }
            if (at.size() > 1) {
                svg.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"");
                dash(svg, DASHES[s % DASHES.length]);
                svg.append("/>");
            }
            for (double[] p : at) {
                svg.append(marker(s, p[0], p[1], colour));
            }
            svg.append("</g>");
        }

        if (legendLines > 0) {
            svg.append("<g class=\"legende\">");
            double y = TOP + PLOT_HEIGHT + AXIS_LABELS;
            for (int s = 0; s < series.size(); s++, y += LEGEND_LINE) {
                String colour = COLOURS[s % COLOURS.length];
                svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(coordinate(y - 4)).append("\" x2=\"")
                        .append(LEFT + 36).append("\" y2=\"").append(coordinate(y - 4)).append("\" stroke=\"")
                        .append(colour).append("\" stroke-width=\"2\"");
                dash(svg, DASHES[s % DASHES.length]);
                svg.append("/>");
                svg.append(marker(s, LEFT + 18, y - 4, colour));
                svg.append(text(LEFT + 44, y, "start", series.get(s).name(), "#1a1a1a"));
            }
            for (int r = 0; r < references.size(); r++, y += LEGEND_LINE) {
                String colour = REFERENCE_COLOURS[r % REFERENCE_COLOURS.length];
                svg.append(line(LEFT, y - 4, LEFT + 36, y - 4, colour, REFERENCE_DASHES[r % REFERENCE_DASHES.length], 2));
                svg.append(text(LEFT + 44, y, "start", references.get(r).label() + " "
                        + GermanFormat.number(references.get(r).value()), "#1a1a1a"));
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The periods of all series, in the order the series give them (the first series' order first). */
    List<String> periods() {
        Set<String> periods = new LinkedHashSet<>();
        series.forEach(s -> s.points().forEach(p -> periods.add(p.label())));
        return List.copyOf(periods);
    }

    private List<BigDecimal> values() {
        List<BigDecimal> values = new ArrayList<>();
        series.forEach(s -> s.points().forEach(p -> values.add(p.value())));
        references.forEach(r -> values.add(r.value()));
        return values;
    }

    private static double x(int index, int count, int plotWidth) {
        if (count <= 1) {
            return LEFT + plotWidth / 2.0;
        }
        double inset = 16;
        return LEFT + inset + index * (plotWidth - 2 * inset) / (count - 1);
    }

    private static double y(Scale scale, BigDecimal value) {
        double span = scale.max().subtract(scale.min()).doubleValue();
        double share = span == 0 ? 0.5 : value.subtract(scale.min()).doubleValue() / span;
        return TOP + PLOT_HEIGHT - share * PLOT_HEIGHT;
    }

    /** Circle, square, triangle, diamond, cross: one shape per series. */
    private static String marker(int series, double x, double y, String colour) {
        String cx = coordinate(x);
        String cy = coordinate(y);
        return switch (series % 5) {
            case 0 -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"4\" fill=\"" + colour + "\"/>";
            case 1 -> "<rect x=\"" + coordinate(x - 4) + "\" y=\"" + coordinate(y - 4)
                    + "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
            case 2 -> "<polygon points=\"" + cx + "," + coordinate(y - 5) + " " + coordinate(x + 5) + ","
                    + coordinate(y + 4) + " " + coordinate(x - 5) + "," + coordinate(y + 4) + "\" fill=\"" + colour + "\"/>";
            case 3 -> "<polygon points=\"" + cx + "," + coordinate(y - 5) + " " + coordinate(x + 5) + "," + cy + " "
                    + cx + "," + coordinate(y + 5) + " " + coordinate(x - 5) + "," + cy + "\" fill=\"white\" stroke=\""
                    + colour + "\" stroke-width=\"2\"/>";
            default -> "<path d=\"M" + coordinate(x - 4) + "," + coordinate(y - 4) + " L" + coordinate(x + 4) + ","
                    + coordinate(y + 4) + " M" + coordinate(x - 4) + "," + coordinate(y + 4) + " L" + coordinate(x + 4)
                    + "," + coordinate(y - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
        };
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash, int width) {
        StringBuilder line = new StringBuilder("<line x1=\"").append(coordinate(x1)).append("\" y1=\"")
                .append(coordinate(y1)).append("\" x2=\"").append(coordinate(x2)).append("\" y2=\"")
                .append(coordinate(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(width).append('"');
        dash(line, dash);
        return line.append("/>").toString();
    }

    private static void dash(StringBuilder element, String dash) {
        if (dash != null) {
            element.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    private static String text(double x, double y, String anchor, String text, String colour) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\" fill=\""
                + colour + "\">" + escape(text) + "</text>";
    }

    static String coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Text for XML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // characters XML 1.0 does not allow are left out rather than break the page
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** The y axis: from a round number at or below the smallest value to one at or above the largest. */
    record Scale(BigDecimal min, BigDecimal max, BigDecimal step) {

        static Scale of(List<BigDecimal> values) {
            if (values.isEmpty()) {
                return new Scale(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE);
            }
            BigDecimal low = values.stream().min(BigDecimal::compareTo).orElseThrow();
            BigDecimal high = values.stream().max(BigDecimal::compareTo).orElseThrow();
            // counts and shares read best from zero when all values lie on one side of it
            if (low.signum() > 0) {
                low = BigDecimal.ZERO;
            }
            if (high.signum() < 0) {
                high = BigDecimal.ZERO;
            }
            if (low.compareTo(high) == 0) {
                high = low.add(BigDecimal.ONE);
            }
            BigDecimal step = niceStep(high.subtract(low).divide(BigDecimal.valueOf(5), MathContext.DECIMAL64));
            BigDecimal min = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
            BigDecimal max = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
            return new Scale(min, max, step);
        }

        /** 1, 2 or 5 times a power of ten. */
        static BigDecimal niceStep(BigDecimal rough) {
            int exponent = rough.precision() - rough.scale() - 1;
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            BigDecimal fraction = rough.divide(power, MathContext.DECIMAL64);
            BigDecimal nice = fraction.compareTo(BigDecimal.ONE) <= 0 ? BigDecimal.ONE
                    : fraction.compareTo(BigDecimal.valueOf(2)) <= 0 ? BigDecimal.valueOf(2)
                    : fraction.compareTo(BigDecimal.valueOf(5)) <= 0 ? BigDecimal.valueOf(5) : BigDecimal.TEN;
            return nice.multiply(power);
        }

        List<BigDecimal> ticks() {
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = min; t.compareTo(max) <= 0; t = t.add(step)) {
                ticks.add(t);
            }
            return ticks;
        }
    }
}

package de.gremium.command.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Observation;
import de.gremium.platform.refusal.FieldError;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads an observations file: UTF-8 (a byte order mark is skipped), RFC 4180, a header row naming the columns
 * in any order. {@code period}, {@code value} and {@code source_release} are required columns; {@code sex},
 * {@code age_group}, {@code migration_status} and {@code city_district} may be left out. An empty cell means
 * "not broken down by this dimension"; surrounding spaces are ignored; values use a decimal point and no
 * thousands separator; rows whose cells are all empty are skipped. This checks the file's form only; whether a
 * row fits the indicator is {@link ObservationRules}' business.
 */
final class ObservationCsv {

    static final String PERIOD = "period";
    static final String VALUE = "value";
    static final String SOURCE_RELEASE = "source_release";
    static final List<String> COLUMNS = List.of(PERIOD, column(BreakdownDimension.SEX), column(BreakdownDimension.AGE_GROUP),
            column(BreakdownDimension.MIGRATION_STATUS), column(BreakdownDimension.CITY_DISTRICT), VALUE, SOURCE_RELEASE);
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The data rows as entries of a batch, or, when the file as a whole cannot be read, why. */
    record Read(List<ObservationBatch.Entry> rows, List<FieldError> errors) {
    }

    private ObservationCsv() {
    }

    static String column(BreakdownDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    /** The column of an observation's field, as {@link ObservationRules.Problem} names it. */
    static String column(String observationField) {
        if (observationField.startsWith("breakdown.")) {
            return column(BreakdownDimension.valueOf(observationField.substring("breakdown.".length())));
        }
        return observationField.equals("sourceRelease") ? SOURCE_RELEASE : observationField;
    }

    static Read read(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(utf8(body));
        } catch (CharacterCodingException e) {
            return new Read(List.of(), List.of(new FieldError("body", "the file is not UTF-8 text; save it as 'CSV UTF-8'")));
        } catch (Csv.SyntaxError e) {
            return new Read(List.of(), List.of(new FieldError("row " + e.row(), e.getMessage())));
        }
        if (records.isEmpty() || records.get(0).isBlank()) {
            return new Read(List.of(), List.of(new FieldError("row 1", "the first row names the columns, e.g. "
                    + String.join(",", COLUMNS))));
        }
        Map<String, Integer> header = header(records.get(0), errors);
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<ObservationBatch.Entry> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (!record.isBlank()) {
                rows.add(row(record, header));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "the file has no data rows below its header"));
        }
        return new Read(rows, errors);
    }

    private static Map<String, Integer> header(Csv.Record record, List<FieldError> errors) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.cells().size(); i++) {
            String name = record.cells().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("row 1", "unknown column '" + record.cells().get(i).trim() + "'; the columns are "
                        + String.join(",", COLUMNS) + (name.contains(";") ? " separated by ',' (not ';')" : "")));
            } else if (header.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("row 1", "the column '" + name + "' appears twice"));
            }
        }
        for (String required : List.of(PERIOD, VALUE, SOURCE_RELEASE)) {
            if (!header.containsKey(required)) {
                errors.add(new FieldError("row 1", "the column '" + required + "' is missing"));
            }
        }
        return header;
    }

    /** A data row as an observation; a value that is not a number is refused here and left null. */
    private static ObservationBatch.Entry row(Csv.Record record, Map<String, Integer> header) {
        String label = "row " + record.row();
        UnaryOperator<String> field = observationField -> label + ": " + column(observationField);
        if (record.cells().size() != header.size()) {
            return new ObservationBatch.Entry(label, null, List.of(new FieldError(label, "has " + record.cells().size()
                    + " cells, the header has " + header.size())), Set.of(), field);
        }
        Map<BreakdownDimension, String> breakdown = new EnumMap<>(BreakdownDimension.class);
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            String cell = cell(record, header, column(dimension));
            if (!cell.isEmpty()) {
                breakdown.put(dimension, cell);
            }
        }
        String value = cell(record, header, VALUE);
        BigDecimal number = NUMBER.matcher(value).matches() ? new BigDecimal(value) : null;
        List<FieldError> errors = number != null || value.isEmpty() ? List.of() : List.of(new FieldError(field.apply("value"),
                "'" + value + "' is not a number; write it with a decimal point and no thousands separator, e.g. 1234.5"));
        Observation observation = new Observation(cell(record, header, PERIOD), breakdown, number,
                cell(record, header, SOURCE_RELEASE));
        return new ObservationBatch.Entry(label, observation, errors, errors.isEmpty() ? Set.of() : Set.of("value"), field);
    }

    private static String cell(Csv.Record record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? "" : record.cells().get(index).trim();
    }

    private static String utf8(byte[] body) throws CharacterCodingException {
        int skip = body.length >= 3 && body[0] == BOM[0] && body[1] == BOM[1] && body[2] == BOM[2] ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
    }
}

package de.gremium.query.export;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of a flat table, each named once with the function that reads its cell from a row. A cell's value
 * may be a {@link Number} (written as a typed number), text, an enum, a time or date, a collection or a map (see
 * {@link CsvDialect#text}); null is an empty cell.
 *
 * <pre>{@code
 * static final CsvColumns<Member> COLUMNS = CsvColumns.of(Member.class);          // every component
 * static final CsvColumns<Topic> AGENDA = CsvColumns.<Topic>column("position", Topic::position)
 *         .and("title", Topic::title);                                           // chosen columns
 * }</pre>
 */
public final class CsvColumns<T> {

    private final List<String> names;
    private final List<Function<? super T, ?>> cells;

    private CsvColumns(List<String> names, List<Function<? super T, ?>> cells) {
        this.names = List.copyOf(names);
        this.cells = List.copyOf(cells);
    }

    /** A table whose first column is {@code name}. */
    public static <T> CsvColumns<T> column(String name, Function<? super T, ?> cell) {
        return new CsvColumns<T>(List.of(), List.of()).and(name, cell);
    }

    /** These columns and one more. */
    public CsvColumns<T> and(String name, Function<? super T, ?> cell) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("column " + name + " is named twice");
        }
        List<String> moreNames = new ArrayList<>(names);
        moreNames.add(name);
        List<Function<? super T, ?>> moreCells = new ArrayList<>(cells);
        moreCells.add(cell);
        return new CsvColumns<>(moreNames, moreCells);
    }

    /** These columns, then the columns of a part of the row (a nested record), each name prefixed. */
    public <P> CsvColumns<T> and(String prefix, Function<? super T, ? extends P> part, CsvColumns<P> columns) {
        CsvColumns<T> all = this;
        for (int i = 0; i < columns.names.size(); i++) {
            Function<? super P, ?> cell = columns.cells.get(i);
            all = all.and(prefix + "." + columns.names.get(i), row -> {
                P value = part.apply(row);
                return value == null ? null : cell.apply(value);
            });
        }
        return all;
    }

    /**
     * One column per component of the record, named as the component (and so as the JSON field), in their
     * order; a component that is itself a record gives its components' columns, named {@code part.component}.
     * A component that cannot be one cell (a list or map of records) must be left out by name in
     * {@code without}, or the table be built column by column.
     */
    public static <R extends Record> CsvColumns<R> of(Class<R> type, String... without) {
        return components(type, Set.of(without));
    }

    private static <R> CsvColumns<R> components(Class<R> type, Set<String> without) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        List<String> names = new ArrayList<>();
        List<Function<? super R, ?>> cells = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (without.contains(component.getName())) {
                continue;
            }
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            Function<? super R, ?> read = row -> read(accessor, row);
            if (component.getType().isRecord()) {
                CsvColumns<?> part = components(component.getType(), Set.of());
                for (int i = 0; i < part.names.size(); i++) {
                    names.add(component.getName() + "." + part.names.get(i));
                    cells.add(nested(read, part.cells.get(i)));
                }
            } else {
                requireOneCell(type, component);
                names.add(component.getName());
                cells.add(read);
            }
        }
        return new CsvColumns<>(names, cells);
    }

    @SuppressWarnings("unchecked")
    private static <R, P> Function<? super R, ?> nested(Function<? super R, ?> part, Function<?, ?> cell) {
        Function<Object, ?> of = (Function<Object, ?>) cell;
        return row -> {
            Object value = part.apply(row);
            return value == null ? null : of.apply(value);
        };
    }

    private static void requireOneCell(Class<?> type, RecordComponent component) {
        if (Collection.class.isAssignableFrom(component.getType()) || Map.class.isAssignableFrom(component.getType())) {
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element && (element.isRecord()
                            || Collection.class.isAssignableFrom(element) || Map.class.isAssignableFrom(element))) {
                        throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName()
                                + " holds " + element.getSimpleName() + "s, which do not fit one cell; leave it out");
                    }
                }
            }
        }
    }

    private static Object read(Method accessor, Object row) {
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public List<String> names() {
        return names;
    }

    /** The cells of one row, in column order. */
    public List<Object> cells(T row) {
        List<Object> values = new ArrayList<>(cells.size());
        for (Function<? super T, ?> cell : cells) {
            values.add(cell.apply(row));
        }
        return values;
    }

    /** The table: the header, then one record per row. */
    public String write(CsvDialect dialect, List<? extends T> rows) {
        StringBuilder out = new StringBuilder();
        dialect.record(out, names);
        for (T row : rows) {
            dialect.record(out, cells(row));
        }
        return out.toString();
    }
}

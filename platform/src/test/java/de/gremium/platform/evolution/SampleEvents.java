package de.gremium.platform.evolution;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic instance of any event record, built through its canonical constructor: every
 * field is filled (so a fixture shows the whole shape), every value is the same on every run.
 */
final class SampleEvents {

    static final Instant INSTANT = Instant.parse("2026-03-04T12:00:00Z");
    static final LocalDate DATE = LocalDate.of(2026, 3, 4);
    static final BigDecimal DECIMAL = new BigDecimal("42.5");

    private SampleEvents() {
    }

    static Object sampleOf(Class<?> record) {
        return value(record, record.getSimpleName());
    }

    /** {@code name} is the record component the value is for; strings are derived from it. */
    private static Object value(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class) {
                return List.of(value(arguments[0], name));
            }
            if (raw == Set.class) {
                return Set.of(value(arguments[0], name));
            }
            if (raw == Map.class) {
                return Map.of(key(arguments[0], name), value(arguments[1], name));
            }
            throw unsupported(type, name);
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type, name);
        }
        if (c == String.class) {
            return readable(name);
        }
        if (c == Instant.class) {
            return INSTANT;
        }
        if (c == LocalDate.class) {
            return DATE;
        }
        if (c == BigDecimal.class) {
            return DECIMAL;
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == long.class || c == Long.class) {
            return 1L;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c.isRecord()) {
            return instantiate(c, name);
        }
        throw unsupported(type, name);
    }

    private static Object key(Type type, String name) {
        if (type == String.class) {
            return "key";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        throw unsupported(type, name + " (map key)");
    }

    private static Object instantiate(Class<?> record, String name) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            // a typed id (ProblemReportId(String value)) takes its text from the field that holds it
            String componentName = components.length == 1 && components[i].getName().equals("value")
                    ? name : components[i].getName();
            arguments[i] = value(components[i].getGenericType(), componentName);
        }
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the canonical constructor of " + record.getName()
                    + " refused the sample values " + Arrays.toString(arguments), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName(), e);
        }
    }

    /** "submittedBy" becomes "submitted-by", "ProblemReportId" "problem-report-id". */
    static String readable(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalArgumentException unsupported(Type type, String name) {
        return new IllegalArgumentException("no sample value for " + type.getTypeName() + " (field " + name
                + "): teach SampleEvents this type");
    }
}

package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.values.IndicatorCode;
import de.gremium.command.values.TextKind;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a definition needs, in the form municipal monitorings (KGSt, Länder monitoring) use. */
final class IndicatorRules {

    static final int VALUE_MAX = 100;
    static final int VALUES_MAX = 100;

    private IndicatorRules() {
    }

    static void aCode(IndicatorId indicatorId) {
        IndicatorCode.require("code", indicatorId == null ? null : indicatorId.value());
    }

    static void aDefinition(IndicatorDefinition definition) {
        if (definition == null) {
            throw invalid("definition", "the definition is required");
        }
        TextKind.TITLE.require("title", definition.title());
        required("policyField", definition.policyField());
        required("figureType", definition.figureType());
        TextKind.SHORT_TEXT.require("numerator", definition.numerator());
        aDenominatorExactlyForRatios(definition);
        TextKind.SHORT_TEXT.require("dataSource", definition.dataSource());
        migrationStatusDefinedWhereItIsABreakdown(definition);
        required("frequency", definition.frequency());
        TextKind.UNIT.require("unit", definition.unit());
        definition.breakdowns().forEach(IndicatorRules::allowedValues);
    }

    /** A basic count (Grundzahl) is a number of its own; a structural or key figure relates it to a whole. */
    static void aDenominatorExactlyForRatios(IndicatorDefinition definition) {
        boolean given = definition.denominator() != null && !definition.denominator().isBlank();
        if (definition.figureType() == FigureType.BASIC_COUNT && given) {
            throw invalid("denominator", "a basic count (Grundzahl) has no denominator");
        }
        if (definition.figureType() != FigureType.BASIC_COUNT) {
            TextKind.SHORT_TEXT.require("denominator", definition.denominator());
        }
    }

    /** Migration status is defined differently from source to source (Migrationshintergrund, nationality…): say which. */
    static void migrationStatusDefinedWhereItIsABreakdown(IndicatorDefinition definition) {
        if (definition.breakdowns().containsKey(BreakdownDimension.MIGRATION_STATUS)) {
            TextKind.SHORT_TEXT.require("migrationStatusDefinition", definition.migrationStatusDefinition());
        } else {
            TextKind.SHORT_TEXT.optional("migrationStatusDefinition", definition.migrationStatusDefinition());
        }
    }

    static void allowedValues(BreakdownDimension dimension, List<String> values) {
        String field = "breakdowns." + dimension;
        if (values == null || values.isEmpty()) {
            throw invalid(field, "a breakdown lists at least one value");
        }
        if (values.size() > VALUES_MAX) {
            throw invalid(field, "at most " + VALUES_MAX + " values");
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank() || !value.equals(value.trim()) || value.length() > VALUE_MAX) {
                throw invalid(field, "a value is 1 to " + VALUE_MAX + " characters without surrounding spaces: '" + value + "'");
            }
            TextKind.TITLE.problem(value, true).ifPresent(reason -> {
                throw invalid(field, "a value " + reason);
            });
            if (!seen.add(value)) {
                throw invalid(field, "'" + value + "' is listed twice");
            }
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
    }
}

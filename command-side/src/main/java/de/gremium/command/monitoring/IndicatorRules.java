package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.values.BoundedText;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a definition needs, in the form municipal monitorings (KGSt, Länder monitoring) use. */
final class IndicatorRules {

    /** e.g. SPR-01: the policy field's or topic's short name, and a number. */
    static final Pattern CODE = Pattern.compile("[A-Z]{2,6}-\\d{2}");
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 2_000;
    static final int UNIT_MAX = 40;
    static final int VALUE_MAX = 100;
    static final int VALUES_MAX = 100;

    private IndicatorRules() {
    }

    static void aCode(IndicatorId indicatorId) {
        if (indicatorId == null || !CODE.matcher(indicatorId.value()).matches()) {
            throw invalid("code", "a code is 2 to 6 capital letters, a hyphen and two digits, e.g. SPR-01");
        }
    }

    static void aDefinition(IndicatorDefinition definition) {
        if (definition == null) {
            throw invalid("definition", "the definition is required");
        }
        BoundedText.require("title", definition.title(), TITLE_MAX);
        required("policyField", definition.policyField());
        required("figureType", definition.figureType());
        BoundedText.require("numerator", definition.numerator(), TEXT_MAX);
        aDenominatorExactlyForRatios(definition);
        BoundedText.require("dataSource", definition.dataSource(), TEXT_MAX);
        migrationStatusDefinedWhereItIsABreakdown(definition);
        required("frequency", definition.frequency());
        BoundedText.require("unit", definition.unit(), UNIT_MAX);
        definition.breakdowns().forEach(IndicatorRules::allowedValues);
    }

    /** A basic count (Grundzahl) is a number of its own; a structural or key figure relates it to a whole. */
    static void aDenominatorExactlyForRatios(IndicatorDefinition definition) {
        boolean given = definition.denominator() != null && !definition.denominator().isBlank();
        if (definition.figureType() == FigureType.BASIC_COUNT && given) {
            throw invalid("denominator", "a basic count (Grundzahl) has no denominator");
        }
        if (definition.figureType() != FigureType.BASIC_COUNT) {
            BoundedText.require("denominator", definition.denominator(), TEXT_MAX);
        }
    }

    /** Migration status is defined differently from source to source (Migrationshintergrund, nationality…): say which. */
    static void migrationStatusDefinedWhereItIsABreakdown(IndicatorDefinition definition) {
        if (definition.breakdowns().containsKey(BreakdownDimension.MIGRATION_STATUS)) {
            BoundedText.require("migrationStatusDefinition", definition.migrationStatusDefinition(), TEXT_MAX);
        } else if (definition.migrationStatusDefinition() != null && definition.migrationStatusDefinition().length() > TEXT_MAX) {
            throw invalid("migrationStatusDefinition", "at most " + TEXT_MAX + " characters");
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

package de.gremium.command.monitoring;

import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's own lookup of which measures aim at which indicator (the record's table
 * {@code measure_indicator}), kept by {@link MonitoringPolicies} on {@code MeasureAdopted} in the transaction
 * that appends the event. A measure's targets never change, so an entry is written once; writing it again (a
 * redelivery) changes nothing.
 */
@Component
class MeasuresByIndicator {

    private final JdbcTemplate jdbc;

    MeasuresByIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(MeasureAdopted event) {
        List<String> indicators = event.targets().stream().map(MeasureTarget::indicatorId).map(IndicatorId::value)
                .distinct().toList();
        if (indicators.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO measure_indicator (measure_id, indicator_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                indicators, indicators.size(), (statement, indicator) -> {
                    statement.setString(1, event.measureId().value());
                    statement.setString(2, indicator);
                });
    }

    /** The measures with a target on the indicator, by id. */
    List<MeasureId> aimingAt(IndicatorId indicatorId) {
        return jdbc.query("SELECT measure_id FROM measure_indicator WHERE indicator_id = ? ORDER BY measure_id",
                (row, n) -> new MeasureId(row.getString(1)), indicatorId.value());
    }
}

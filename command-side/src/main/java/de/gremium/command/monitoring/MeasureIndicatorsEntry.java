package de.gremium.command.monitoring;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which indicators a measure has targets on, so that new observations find the measures to evaluate. */
@Document(MeasureIndicatorsEntry.COLLECTION)
record MeasureIndicatorsEntry(@Id String measureId, List<String> indicatorIds) {

    static final String COLLECTION = "measure_indicators";
}

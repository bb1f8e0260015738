package de.gremium.query.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not part of the suite: measures one access export on a record of the size given, e.g.
 * {@code ./mvnw -B -q -pl query-side -am test -Dtest=PersonalDataExportMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgremium.export.measure=20000}. The record holds that many submitted problem reports (one event, and one view
 * document on the board and one in the audit log, each), every 50th by the person exported; the views are built before
 * the export is timed. It prints the figures; it checks only that the export holds the person's reports.
 */
@EnabledIfSystemProperty(named = "gremium.export.measure", matches = "[0-9]+")
class PersonalDataExportMeasurement {

    @Test
    void measureOneExport() {
        int size = Integer.parseInt(System.getProperty("gremium.export.measure"));
        try (RunningQuerySide querySide = RunningQuerySide.start(TestStore.newRecord())) {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String user = i % 50 == 0 ? "anna.amt50" : "mitglied." + (i % 40);
                ProblemReportId report = new ProblemReportId("r-" + i);
                Instant at = t0.plusSeconds(i);
                batch.add(new GenericDomainEventMessage<>("ProblemReport", report.value(), 0, new ProblemReportSubmitted(report,
                        "Bericht " + i, "Beschreibung eines Problems mit etwas Text, Nummer " + i, "Amt 50",
                        Set.of(PolicyField.LANGUAGE), user, at), MetaData.with("userId", user), "e-" + i, at));
                if (batch.size() == 1000 || i == size - 1) {
                    querySide.eventStore().publish(batch);
                    batch = new ArrayList<>();
                }
            }
            // building the views of a large record takes longer than the usual minute on a busy machine
            await().atMost(Duration.ofMinutes(15)).ignoreExceptions().untilAsserted(querySide::awaitCaughtUp);
            Http http = Http.on(Ports.of(querySide.context()));
            for (int round = 1; round <= 2; round++) {
                long started = System.nanoTime();
                Http.Response export = http.as("koordinator").get("/api/people/anna.amt50/export");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(export.json().get("events")).hasSize((size + 49) / 50);
                System.out.printf("access export, round %d: %,d events in the record, %,d bytes answered in %,d ms%n", round, size,
                        export.body().length(), millis);
            }
        }
    }
}

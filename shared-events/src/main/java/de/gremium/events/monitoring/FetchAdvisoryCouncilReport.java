package de.gremium.events.monitoring;

import java.time.LocalDate;

/** The activity report for the advisory council (Beirat) over a period. */
public record FetchAdvisoryCouncilReport(LocalDate from, LocalDate to) {
}

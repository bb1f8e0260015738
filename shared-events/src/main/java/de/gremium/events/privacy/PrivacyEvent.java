package de.gremium.events.privacy;

import java.time.Instant;

/** What the data-protection rights change in the record. An erasure event names no one. */
public sealed interface PrivacyEvent permits PersonalDataErased, ProblemReportTextErased {

    ErasureId erasureId();

    Instant occurredAt();
}

package de.gremium.platform.record;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A side started without a record says which settings name one, instead of Spring Boot's advice to put an
 * embedded database on the classpath.
 */
class MissingRecordFailureAnalyzer extends AbstractFailureAnalyzer<MissingRecordFailureAnalyzer.MissingRecord> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingRecord cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set POSTGRES_URL (for example jdbc:postgresql://db.example:5432/gremium), POSTGRES_USER and "
                        + "POSTGRES_PASSWORD. Or start the launcher (java -jar launcher/target/gremium-exec.jar), which "
                        + "starts an embedded PostgreSQL with its data under GREMIUM_DATA_DIR (./data).",
                cause);
    }

    /** No JDBC URL for the record. */
    static final class MissingRecord extends IllegalStateException {
        MissingRecord() {
            super("No PostgreSQL is configured for the record (the events and everything kept beside them).");
        }
    }
}

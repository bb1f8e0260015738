-- The record: everything Gremium must never lose, in PostgreSQL (docs/adr/0003-record-in-postgresql.md).
-- Axon Framework's JDBC components read and write these tables; their names and columns are configured in
-- de.gremium.platform.record.RecordSchema, which must match this file. Views are not here: they are in MongoDB.

-- Which record this is: the views' store remembers it, so views built from another record are rebuilt.
CREATE TABLE record_identity (
    id         UUID        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    single_row BOOLEAN     NOT NULL DEFAULT TRUE UNIQUE CHECK (single_row)
);
INSERT INTO record_identity DEFAULT VALUES;

-- Events: one row each, in one global order (global_index); an aggregate's events are numbered from 0 without
-- gaps, which the unique key enforces against concurrent writers.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

-- How far each event processor's segment has read, and which process holds it.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);

CREATE TABLE association_value_entry (
    id                BIGSERIAL    NOT NULL PRIMARY KEY,
    association_key   VARCHAR(255),
    association_value VARCHAR(255),
    saga_id           VARCHAR(255),
    saga_type         VARCHAR(255)
);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_value ON association_value_entry (saga_type, association_key, association_value);

-- Events a view's handler failed on, parked per aggregate until retried (docs/dead-letters.md).
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- The command side's answer to each Idempotency-Key, written in the transaction of the events it caused.
CREATE TABLE idempotency_record (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    location     TEXT,
    content_type VARCHAR(255),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL
);

-- The command side's own lookups, kept by subscribing processors in the transaction of the events they follow.
CREATE TABLE blocked_appointment (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    source      TEXT         NOT NULL,
    external_id TEXT         NOT NULL,
    title       TEXT,
    kind        VARCHAR(64)  NOT NULL,
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX blocked_appointment_source ON blocked_appointment (source);
CREATE INDEX blocked_appointment_span ON blocked_appointment (starts_at, ends_at);

CREATE TABLE blocked_calendar_source (
    source         TEXT        NOT NULL PRIMARY KEY,
    modified_until TIMESTAMPTZ,
    last_synced_at TIMESTAMPTZ,
    last_synced_by VARCHAR(255)
);

CREATE TABLE measure_indicator (
    measure_id   VARCHAR(255) NOT NULL,
    indicator_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (measure_id, indicator_id)
);
CREATE INDEX measure_indicator_indicator ON measure_indicator (indicator_id);

-- Notifications by e-mail (docs/notifications.md). The outbox holds each e-mail from the moment the event that causes
-- it is handled (in the same transaction as the notification processor's token) until it was sent; a unique key per
-- cause and recipient makes a replayed event add nothing. Timers hold what is due later (a poll's reminder, an
-- agenda before its meeting, a review date); when due, they become outbox rows. An erasure deletes the person's rows.
CREATE TABLE notification_outbox (
    id                BIGSERIAL     PRIMARY KEY,
    -- what makes this e-mail one of a kind: cause (event id or timer) + kind + recipient
    dedup_key         VARCHAR(512)  NOT NULL,
    -- a NotificationKind, or DIGEST for a weekly digest
    kind              VARCHAR(40)   NOT NULL,
    -- a member id, or 'guest:' + the guest id
    recipient_id      VARCHAR(300)  NOT NULL,
    recipient_name    VARCHAR(300),
    recipient_address VARCHAR(320)  NOT NULL,
    -- IMMEDIATELY, or WEEKLY_DIGEST (waits for the person's digest)
    delivery          VARCHAR(20)   NOT NULL,
    subject           VARCHAR(500)  NOT NULL,
    -- plain text and HTML; emptied once sent (the outbox is not an archive of what people were told)
    text_body         TEXT,
    html_body         TEXT,
    -- an iCalendar object with METHOD:REQUEST or METHOD:CANCEL, or null
    calendar          TEXT,
    -- PENDING, SENDING, SENT, FAILED, HELD (no SMTP server configured), DIGESTED (went out in a digest)
    status            VARCHAR(20)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ   NOT NULL,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMPTZ   NOT NULL,
    sent_at           TIMESTAMPTZ,
    -- the digest row a DIGESTED row went out in
    digest_id         BIGINT        REFERENCES notification_outbox (id) ON DELETE SET NULL,
    -- the event that caused it (its identifier), null for a timer's or a digest
    cause_event_id    VARCHAR(255),
    CONSTRAINT notification_outbox_once UNIQUE (dedup_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX notification_outbox_recipient ON notification_outbox (recipient_id);
CREATE INDEX notification_outbox_created ON notification_outbox (created_at);

CREATE TABLE notification_timer (
    id          BIGSERIAL     PRIMARY KEY,
    -- kind + subject + the moment it is for (a moved meeting gets a timer of its own)
    dedup_key   VARCHAR(512)  NOT NULL,
    -- POLL_REMINDER, AGENDA or REVIEW_DATE
    kind        VARCHAR(40)   NOT NULL,
    -- the poll's, meeting's or recommendation's id
    subject_id  VARCHAR(300)  NOT NULL,
    due_at      TIMESTAMPTZ   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    handled_at  TIMESTAMPTZ,
    -- what handling it did: how many e-mails, or why none (cancelled, moved, answered by all)
    outcome     VARCHAR(500),
    CONSTRAINT notification_timer_once UNIQUE (dedup_key)
);
CREATE INDEX notification_timer_due ON notification_timer (due_at) WHERE handled_at IS NULL;

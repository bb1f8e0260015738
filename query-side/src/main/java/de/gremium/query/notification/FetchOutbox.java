package de.gremium.query.notification;

/** A page of the outbox, newest first, optionally of one status (null: all). Pages count from 0. */
public record FetchOutbox(OutboxStatus status, int page, int size) {
}

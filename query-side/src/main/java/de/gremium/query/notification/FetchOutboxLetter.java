package de.gremium.query.notification;

/** One e-mail of the outbox, with its bodies while they are kept. */
public record FetchOutboxLetter(long id) {
}

package de.gremium.query.notification;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One e-mail of the outbox in full: the row of the list, then its plain text, HTML and iCalendar object, each absent
 * once the e-mail is sent (the outbox is not an archive of what people were told) or when it has none.
 */
public record OutboxLetter(@JsonUnwrapped OutboxItem item, String text, String html, String calendar) {
}

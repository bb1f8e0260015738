package de.gremium.query.notification;

import de.gremium.query.api.PageView;
import java.util.List;
import java.util.Map;

/**
 * A page of the outbox: how many e-mails are in each status (all of them, whatever the filter), then the page's
 * rows, and where the page lies in the filtered list, as in every other list.
 */
public record OutboxPage(Map<OutboxStatus, Long> counts, List<OutboxItem> items, PageView.Pagination pagination,
        PageView.Links links) {
}

package de.gremium.query.deliberation;

import de.gremium.query.api.Rows;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;
import de.gremium.query.deliberation.DeliberationView.ObjectionState;
import de.gremium.query.deliberation.DeliberationView.OutcomeKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A deliberation in the list: simple values only. {@code draft} is the current text (the final one once closed);
 * {@code openObjections} and {@code resolvedObjections} count the objections still open and those resolved by
 * amendment or withdrawn; {@code outcome}, {@code recommendationId} and {@code closedAt} once it is closed.
 */
public record DeliberationRow(String id, DeliberationStatus status, OutcomeKind outcome, String recommendationId,
        String meetingId, String agendaItemId, String draft, String policyFields, int year, Instant putAt,
        int amendments, int openObjections, int resolvedObjections, int guestComments, Instant closedAt, long version) {

    static DeliberationRow of(DeliberationView d) {
        int open = (int) d.objections().stream().filter(o -> o.state() == ObjectionState.OPEN).count();
        Optional<DeliberationView.Outcome> outcome = Optional.ofNullable(d.outcome());
        return new DeliberationRow(d.id(), d.status(), outcome.map(DeliberationView.Outcome::kind).orElse(null),
                outcome.map(DeliberationView.Outcome::recommendationId).orElse(null), d.meetingId(), d.agendaItemId(),
                d.draft(), Rows.joined(d.policyFields().stream().sorted().toList()), d.year(), d.putAt(),
                d.amendments().size(), open, d.objections().size() - open, d.guestComments().size(),
                outcome.map(DeliberationView.Outcome::recordedAt).orElse(null), d.version());
    }
}

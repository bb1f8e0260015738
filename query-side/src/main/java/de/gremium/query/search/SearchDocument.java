package de.gremium.query.search;

import de.gremium.events.PolicyField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One searchable item as it stands: its kind and id, a title, its main text (replaced when the item is revised) and
 * the further texts added to it (details, solution proposals, earlier drafts, notes, reasons), its policy fields and
 * the year it belongs to.
 */
record SearchDocument(SearchKind kind, String id, String title, String text, List<String> more,
        Set<PolicyField> policyFields, int year) {

    SearchDocument {
        more = List.copyOf(more);
        policyFields = Set.copyOf(policyFields);
    }

    /** The index's unique key of the item. */
    String key() {
        return key(kind, id);
    }

    static String key(SearchKind kind, String id) {
        return kind.wireName() + "/" + id;
    }

    /** Every text, the main one first, one paragraph each. */
    String body() {
        return Stream.concat(Stream.of(text), more.stream()).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n\n"));
    }

    SearchDocument adding(String further) {
        if (further == null || further.isBlank()) {
            return this;
        }
        List<String> texts = new ArrayList<>(more);
        texts.add(further);
        return new SearchDocument(kind, id, title, text, texts, policyFields, year);
    }

    SearchDocument revised(String newTitle, String newText, Set<PolicyField> newPolicyFields) {
        return new SearchDocument(kind, id, newTitle, newText, more, newPolicyFields, year);
    }
}

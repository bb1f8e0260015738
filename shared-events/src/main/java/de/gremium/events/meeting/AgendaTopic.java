package de.gremium.events.meeting;
/** What an agenda item is about: a project idea, a problem report (by id) or a free topic (id null). */
public record AgendaTopic(AgendaTopicKind kind, String referenceId, String title) {
}

package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;

/** What an agenda item is about: a project idea, a problem report (by id) or a free topic (id null). */
public record AgendaTopic(AgendaTopicKind kind, String referenceId, @PersonalData(of = {"addedBy", "recordedBy"}, item = "referenceId", text = true) String title) {
}

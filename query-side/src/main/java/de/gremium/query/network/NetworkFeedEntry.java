package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the network-group feed: one event of one project, with the project as it stood right
 * after that event. The id is {@code <projectId>/<sequence>}, so an entry is written once and never
 * changed: the feed is a history, and an entry keeps the working group and policy fields it had then.
 * {@code title} is the German heading ("AG Sprache: Sprachcafé – neu"); {@code changes} lists what an
 * update changed; {@code note} is the summary of a completion or the reason of a dropping.
 */
@Document("network_feed")
@CompoundIndexes({
    @CompoundIndex(name = "feed", def = "{'workingGroup': 1, 'policyFields': 1, 'occurredAt': -1}"),
    @CompoundIndex(name = "by_project", def = "{'projectId': 1, 'sequence': 1}"),
    // the feed's order: a page is read from the index instead of sorting every entry
    @CompoundIndex(name = "newest_first", def = "{'occurredAt': -1, 'sequence': -1, '_id': 1}")
})
public record NetworkFeedEntry(
        @Id String id,
        String projectId,
        long sequence,
        EntryKind kind,
        String title,
        NetworkWorkingGroup workingGroup,
        String projectTitle,
        String description,
        Set<PolicyField> policyFields,
        NetworkProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String contact,
        List<Change> changes,
        String note,
        LocalDate completedOn,
        String actor,
        Instant occurredAt) {

    /** What happened to the project, with the German word the feed shows for it. */
    public enum EntryKind {
        ANNOUNCED("neu"),
        UPDATED("aktualisiert"),
        COMPLETED("abgeschlossen"),
        DROPPED("eingestellt");

        private final String germanLabel;

        EntryKind(String germanLabel) {
            this.germanLabel = germanLabel;
        }

        public String germanLabel() {
            return germanLabel;
        }
    }

    /**
     * One field an update changed, with its value before and after as the API writes it (enum names,
     * ISO dates, policy fields comma-separated). A changed description is named without its text.
     */
    public record Change(String field, String before, String after) {
    }

    static String id(String projectId, long sequence) {
        return projectId + "/" + sequence;
    }

    /** "AG Sprache: Sprachcafé – neu". */
    static String heading(NetworkWorkingGroup group, String projectTitle, EntryKind kind) {
        return group.germanLabel() + ": " + projectTitle + " – " + kind.germanLabel();
    }
}

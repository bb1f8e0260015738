package de.gremium.query.scheduling;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of the working group as the scheduling polls' processor knows them when it opens a poll: kept by the
 * same processor, so that the members at a poll's opening are those whose appointment it handled before the
 * opening, whatever the member directory's processor has reached. {@code version} is the sequence number of the
 * group's last event applied; −1 for a document created empty.
 */
@Document("scheduling_poll_members")
public record PollMemberView(@Id String id, String name, boolean active, long version) {
}

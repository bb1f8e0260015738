package de.gremium.query.network;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** One project as it stands now, and its feed entries oldest first: how it got there. */
public record NetworkProjectDetail(@JsonUnwrapped NetworkProjectView project, List<NetworkFeedEntry> history) {
}

package de.gremium.events.group;

/** Current members, optionally only of one department or unit (null matches all). */
public record FetchMemberDirectory(String department, String unit) {
}

package de.gremium.query.group;

/**
 * One member's e-mail address and notification settings. Kept on the query side until the published language has
 * such a query (as {@link FetchUnitDirectory} is).
 */
public record FetchNotificationSettings(String memberId) {
}

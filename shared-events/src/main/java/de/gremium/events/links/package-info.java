/**
 * What an event links to, by typed id: one interface per kind of thing an event can name, each an accessor that the
 * event's record component implements. Whatever follows links between aggregates (the recommendation trace) reads
 * these interfaces, never the events' class names, so a renamed event class changes nothing that follows its links.
 *
 * <p>The sealed interface of each aggregate's events extends the link to its own aggregate
 * ({@code MeetingEvent extends LinksToMeeting}); an event that carries the id of another aggregate implements the
 * matching interface as well. {@code EventLinksTest} fails for an event that carries such an id without it.
 */
package de.gremium.events.links;

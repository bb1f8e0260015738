package de.gremium.events.meeting;
/** An external expert invited to one meeting (e.g. job centre, municipal company, council commissioner). */
public record Guest(GuestId guestId, String name, String organisation) {
}

package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;

/** An external expert invited to one meeting (e.g. job centre, municipal company, council commissioner). */
public record Guest(GuestId guestId, @PersonalData(of = "invitedBy", item = "guestId") String name, @PersonalData(of = "invitedBy", item = "guestId") String organisation) {
}

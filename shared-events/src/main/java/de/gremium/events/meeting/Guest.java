package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;

/**
 * An external expert invited to one meeting (e.g. job centre, municipal company, council commissioner); {@code email}
 * (since {@code GuestInvited} revision 2) for the meeting's invitation, agenda and minutes, null if none.
 */
public record Guest(GuestId guestId, @PersonalData(of = "invitedBy", item = "guestId") String name, @PersonalData(of = "invitedBy", item = "guestId") String organisation,
        @PersonalData(of = "invitedBy", item = "guestId") String email) {
}

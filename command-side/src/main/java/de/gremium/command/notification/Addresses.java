package de.gremium.command.notification;

import de.gremium.events.privacy.PersonalData;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whether an address can be written to: none, a blank one, an erased person's placeholder or anything that is not a
 * plain address ({@code name@domain}, at most 254 characters, no display name) gets nothing.
 */
final class Addresses {

    static final int MAX_LENGTH = 254;

    private Addresses() {
    }

    static boolean usable(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_LENGTH
                || address.equals(PersonalData.ERASED_PERSON) || address.equals(PersonalData.ERASED_TEXT)) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && parsed.getAddress().equals(address) && address.indexOf('@') > 0;
        } catch (AddressException notAnAddress) {
            return false;
        }
    }
}

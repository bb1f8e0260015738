package de.gremium.command.notification;

import de.gremium.command.values.EmailAddress;

/**
 * Whether an address can be written to: none, or anything the API's one rule ({@link EmailAddress}) does not take
 * for an address (a blank one, an erased person's placeholder, a display name, no dotted domain) gets nothing.
 */
final class Addresses {

    private Addresses() {
    }

    static boolean usable(String address) {
        return address != null && EmailAddress.problem(address).isEmpty();
    }
}

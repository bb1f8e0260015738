package de.gremium.platform.security;

import java.util.List;

/**
 * One user of the embedded default's user file.
 *
 * @param username     login and user id
 * @param name         display name
 * @param passwordHash bcrypt hash ({@code $2a$...})
 * @param roles        some of {@link Roles}
 * @param unit         organisational unit the user represents (members), may be null
 * @param email        e-mail address for the notifications, recorded when the user is appointed; may be null
 */
public record GremiumUser(String username, String name, String passwordHash, List<String> roles, String unit, String email) {
}

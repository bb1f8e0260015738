package de.gremium.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the users of the embedded default from a YAML file ({@code users: [...]}) and checks them. */
public final class UsersFile {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER);

    private UsersFile() {
    }

    /**
     * Whether the file says {@code demo: true}: its users are the published demo users, which sign in only on loopback
     * or when allowed explicitly ({@link DemoUsers}).
     */
    public static boolean isDemo(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<GremiumUser> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("users");
            if (entries == null || entries.isEmpty()) {
                throw new IllegalStateException(resource + " lists no users");
            }
            List<GremiumUser> users = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                GremiumUser user = new GremiumUser((String) e.get("username"), (String) e.get("name"),
                        (String) e.get("passwordHash"), (List<String>) e.get("roles"), (String) e.get("unit"),
                        email(resource, e));
                check(resource, user);
                users.add(user);
            }
            return List.copyOf(users);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users file " + resource, e);
        }
    }

    /**
     * The optional {@code email}, without the spaces around it; blank is none. Whether it is an address the command
     * side checks by its one rule when it appoints the user (it refuses to start with one that is not).
     */
    private static String email(Resource resource, Map<String, Object> entry) {
        Object email = entry.get("email");
        if (email != null && !(email instanceof String)) {
            throw new IllegalStateException(resource + ": user " + entry.get("username") + " has an email that is not a text");
        }
        return email == null || ((String) email).isBlank() ? null : ((String) email).strip();
    }

    private static void check(Resource resource, GremiumUser user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalStateException(resource + ": a user has no username");
        }
        if (user.passwordHash() == null || !user.passwordHash().startsWith("$2")) {
            throw new IllegalStateException(resource + ": user " + user.username() + " needs a bcrypt passwordHash");
        }
        if (user.roles() == null || user.roles().isEmpty() || !KNOWN_ROLES.containsAll(user.roles())) {
            throw new IllegalStateException(resource + ": user " + user.username() + " needs roles out of " + KNOWN_ROLES);
        }
    }
}

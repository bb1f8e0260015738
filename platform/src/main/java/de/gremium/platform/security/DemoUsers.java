package de.gremium.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo users (every password "gremium", published in the README) sign in only where nobody else can reach the
 * service: it listens on loopback ({@code server.address}), or {@code gremium.security.demo-users=true} says so
 * explicitly. Either way a loud warning is logged at startup. Anywhere else the service refuses to start with them: it
 * needs a users file of its own ({@code GREMIUM_USERS_FILE}) or OpenID Connect ({@code GREMIUM_JWT_ISSUER_URI}).
 * {@code gremium.security.demo-users=false} refuses them even on loopback.
 */
final class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    enum Verdict { NOT_DEMO, ON_LOOPBACK, EXPLICITLY_ALLOWED }

    private DemoUsers() {
    }

    /**
     * Checks a users file about to be used for HTTP Basic; throws when its demo users must not sign in here.
     *
     * @param demoFile      whether the file is marked {@code demo: true}
     * @param serverAddress {@code server.address}; blank means every interface
     * @param setting       {@code gremium.security.demo-users}: {@code auto} (blank), {@code true} or {@code false}
     */
    static Verdict admit(boolean demoFile, String serverAddress, String setting) {
        if (!demoFile) {
            return Verdict.NOT_DEMO;
        }
        String choice = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        String where = serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress.trim();
        Verdict verdict = switch (choice) {
            case "true" -> Verdict.EXPLICITLY_ALLOWED;
            case "false" -> throw refused("they are switched off (gremium.security.demo-users=false)");
            case "auto" -> {
                if (!loopback(serverAddress)) {
                    throw refused("the service listens on " + where + ", not only on loopback");
                }
                yield Verdict.ON_LOOPBACK;
            }
            default -> throw new IllegalStateException("gremium.security.demo-users must be true, false or auto, not '"
                    + setting + "'");
        };
        // three lines of their own: log messages are one line each (control characters in them are escaped)
        String why = verdict == Verdict.ON_LOOPBACK ? where + " (loopback)" : where + " (gremium.security.demo-users=true)";
        LOG.warn("******** DEMO USERS ARE SIGNING IN on {}: every password is \"gremium\", as published in the README.", why);
        LOG.warn("******** For development only. Production: GREMIUM_JWT_ISSUER_URI (OpenID Connect) or GREMIUM_USERS_FILE.");
        LOG.warn("******** (docs/security.md, Default credentials)");
        return verdict;
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("Refusing to start with the demo users (every password \"gremium\", published "
                + "in the README): " + why + ". Set GREMIUM_JWT_ISSUER_URI (OpenID Connect / JWT) or GREMIUM_USERS_FILE "
                + "(a users file of your own); gremium.security.demo-users=true allows the demo users anyway.");
    }

    /** Whether {@code server.address} binds loopback only; blank (every interface) or a name that resolves elsewhere: no. */
    static boolean loopback(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(serverAddress.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

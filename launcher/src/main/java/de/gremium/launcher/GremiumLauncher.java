package de.gremium.launcher;

import de.gremium.command.CommandSideApplication;
import de.gremium.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-setup default: command side (port 8080) and query side (port 8081) in one JVM, sharing the
 * embedded store under {@code ./data} unless {@code MONGODB_URI} names a real MongoDB. The two sides
 * are separate Spring contexts that share nothing but the store, exactly as when they run as two
 * processes; the query side learns about events only by tailing the event store.
 */
public final class GremiumLauncher {

    private GremiumLauncher() {
    }

    public static void main(String[] args) {
        Running running = start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "gremium-shutdown"));
    }

    public static Running start(String... args) {
        ConfigurableApplicationContext command = CommandSideApplication.start(args);
        try {
            return new Running(command, QuerySideApplication.start(args));
        } catch (RuntimeException e) {
            command.close();
            throw e;
        }
    }

    /** Both sides, closed query side first so that its processors stop before the store goes. */
    public record Running(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide)
            implements AutoCloseable {
        @Override
        public void close() {
            querySide.close();
            commandSide.close();
        }
    }
}

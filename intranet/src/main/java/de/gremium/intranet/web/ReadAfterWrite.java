package de.gremium.intranet.web;

import de.gremium.intranet.api.Apis;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The views follow the record within a second or so. After an accepted command a page waits, bounded, until the
 * query side shows what the command did (post/redirect/get then shows it); if it does not appear in time the page
 * says it is saved and will appear shortly.
 */
@Component
public class ReadAfterWrite {

    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    private final Apis apis;

    ReadAfterWrite(Apis apis) {
        this.apis = apis;
    }

    /** Whether the view at {@code uriTemplate} exists (and satisfies {@code shows}) within five seconds. */
    public boolean awaitView(Predicate<Map<String, Object>> shows, String uriTemplate, Object... variables) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (true) {
            Optional<Map<String, Object>> view = apis.optionalView(uriTemplate, variables);
            if (view.isPresent() && shows.test(view.get())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(STEP.toNanos());
        }
    }

    /** Whether the view at {@code uriTemplate} exists within five seconds. */
    public boolean awaitView(String uriTemplate, Object... variables) {
        return awaitView(view -> true, uriTemplate, variables);
    }
}

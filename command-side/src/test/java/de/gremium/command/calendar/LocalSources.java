package de.gremium.command.calendar;

import java.util.List;

/** The fetcher as the tests' stand-in servers on 127.0.0.1 need it: that host allowed, its loopback address too. */
final class LocalSources {

    private LocalSources() {
    }

    static CalendarSourceClient client() {
        return new CalendarSourceClient(new CalendarFetchSettings(List.of("127.0.0.1"), false, List.of("127.0.0.1")));
    }
}

package de.gremium.intranet.empfehlungen;

import java.util.Map;

/**
 * The APIs leave out the fields that are null (Jackson's {@code non_null} at their edge): a recommendation not yet
 * decided has no {@code decision}. The templates read the fields they show by name, and a name a map lacks is an
 * error there, so the pages put the optional fields they read back in as {@code null}.
 */
final class Felder {

    private Felder() {
    }

    /** The view itself, with each of {@code names} it lacks put in as {@code null}; {@code null} stays null. */
    static Map<String, Object> ergaenzt(Map<String, Object> view, String... names) {
        if (view == null) {
            return null;
        }
        for (String name : names) {
            view.putIfAbsent(name, null);
        }
        return view;
    }

    /** Each of the view's objects under {@code list}, completed like {@link #ergaenzt}. */
    static void jedes(Map<String, Object> view, String list, String... names) {
        Spur.maps(view.get(list)).forEach(item -> ergaenzt(item, names));
    }

    /** The view's object under {@code name}, completed like {@link #ergaenzt}. */
    static void darin(Map<String, Object> view, String name, String... names) {
        ergaenzt(Spur.map(view.get(name)).isEmpty() ? null : Spur.map(view.get(name)), names);
    }
}

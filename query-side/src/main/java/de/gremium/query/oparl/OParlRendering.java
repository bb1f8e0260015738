package de.gremium.query.oparl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns stored objects into OParl JSON: absolute URLs for {@code id} and every reference, {@code type}, the
 * embedded objects (never deleted ones), and {@code created} and {@code modified} on every object, embedded ones
 * too. A deleted object shows only {@code id}, {@code type}, {@code created}, {@code modified} and
 * {@code deleted: true}. References to objects the persons setting hides are left out.
 */
final class OParlRendering {

    /** An attribute that embeds objects of a kind; {@code internalList}: left out with {@code omit_internal}. */
    record Embedding(OParlKind parent, String attribute, OParlKind child, boolean many, boolean internalList) {
    }

    static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(OParlKind.BODY, "legislativeTerm", OParlKind.LEGISLATIVE_TERM, true, true),
            new Embedding(OParlKind.PERSON, "membership", OParlKind.MEMBERSHIP, true, true),
            new Embedding(OParlKind.MEETING, "location", OParlKind.LOCATION, false, false),
            new Embedding(OParlKind.MEETING, "agendaItem", OParlKind.AGENDA_ITEM, true, true),
            new Embedding(OParlKind.MEETING, "resultsProtocol", OParlKind.FILE, false, false),
            new Embedding(OParlKind.PAPER, "consultation", OParlKind.CONSULTATION, true, false));

    private final String root;
    private final Predicate<OParlKind> published;

    /**
     * @param base the public base URL, without a trailing slash
     * @param published which kinds may be shown (persons and memberships only as the setting allows)
     */
    OParlRendering(String base, Predicate<OParlKind> published) {
        this.root = base + OParlPaths.ROOT + "/";
        this.published = published;
    }

    String url(String path) {
        return root + path;
    }

    /** Whether objects of this kind embed others (so that their children must be read with them). */
    static boolean embeds(OParlKind kind) {
        return EMBEDDINGS.stream().anyMatch(e -> e.parent() == kind);
    }

    Map<String, Object> render(OParlObject object, Map<String, List<OParlObject>> childrenByParent, boolean omitInternal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", url(object.id()));
        json.put("type", object.kind().typeUrl());
        if (object.isDeleted()) {
            stamps(json, object);
            json.put("deleted", true);
            return json;
        }
        json.putAll(object.fields());
        object.refs().forEach((name, value) -> reference(value).ifPresent(v -> json.put(name, v)));
        List<OParlObject> children = childrenByParent.getOrDefault(object.id(), List.of());
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.parent() != object.kind() || (omitInternal && embedding.internalList())
                    || !published.test(embedding.child())) {
                continue;
            }
            List<Map<String, Object>> embedded = children.stream()
                    .filter(c -> c.kind() == embedding.child() && !c.isDeleted())
                    .sorted(OParlRendering::inOrder)
                    .map(c -> render(c, Map.of(), omitInternal)).toList();
            if (embedding.many()) {
                json.put(embedding.attribute(), embedded);
            } else if (!embedded.isEmpty()) {
                json.put(embedding.attribute(), embedded.get(0));
            }
        }
        stamps(json, object);
        return json;
    }

    /** Agenda items by their order, everything else by creation. */
    private static int inOrder(OParlObject a, OParlObject b) {
        Object oa = a.fields().get("order");
        Object ob = b.fields().get("order");
        if (oa instanceof Number na && ob instanceof Number nb) {
            return Integer.compare(na.intValue(), nb.intValue());
        }
        int created = a.created().compareTo(b.created());
        return created != 0 ? created : a.id().compareTo(b.id());
    }

    private Optional<Object> reference(Object value) {
        if (value instanceof String path) {
            return shown(path) ? Optional.of(url(path)) : Optional.empty();
        }
        if (value instanceof Collection<?> paths) {
            List<String> urls = new ArrayList<>();
            paths.stream().map(String::valueOf).filter(this::shown).forEach(p -> urls.add(url(p)));
            return urls.isEmpty() ? Optional.empty() : Optional.of(urls);
        }
        return Optional.empty();
    }

    /** A reference to a hidden kind is left out; a reference to a list (body/magdeburg/person) stays. */
    private boolean shown(String path) {
        return path.chars().filter(c -> c == '/').count() != 1
                || OParlKind.ofId(path).map(published::test).orElse(true);
    }

    private static void stamps(Map<String, Object> json, OParlObject object) {
        json.put("created", OParlPaths.dateTime(object.created()));
        json.put("modified", OParlPaths.dateTime(object.modified()));
    }
}

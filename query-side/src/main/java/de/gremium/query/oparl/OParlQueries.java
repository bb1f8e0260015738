package de.gremium.query.oparl;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Answers the OParl interface's queries from {@code oparl_objects}. */
@Component
class OParlQueries {

    private final MongoTemplate mongo;
    private final OParlSettings settings;

    OParlQueries(MongoTemplate mongo, OParlSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    @QueryHandler
    Optional<OParlJson> handle(FetchOParlObject query) {
        Optional<OParlKind> kind = OParlKind.ofId(query.path()).or(() -> query.path().equals(OParlPaths.SYSTEM)
                ? Optional.of(OParlKind.SYSTEM) : Optional.empty());
        if (kind.isEmpty() || !settings.publishes(kind.get())) {
            return Optional.empty();
        }
        OParlObject object = mongo.findById(query.path(), OParlObject.class);
        if (object == null || object.kind() != kind.get()) {
            return Optional.empty();
        }
        OParlRendering rendering = new OParlRendering(query.base(), settings::publishes);
        return Optional.of(new OParlJson(rendering.render(object, children(List.of(object)), query.omitInternal())));
    }

    @QueryHandler
    OParlListPage handle(FetchOParlList query) {
        OParlFilter filter = query.filter();
        Criteria criteria = where("kind").is(query.kind());
        if (filter.modifiedSince() == null) {
            criteria.and("deleted").ne(true); // deleted objects only for a client that asks what changed
        }
        range(criteria, "created", filter.createdSince(), filter.createdUntil());
        range(criteria, "modified", filter.modifiedSince(), filter.modifiedUntil());
        boolean published = settings.publishes(query.kind());
        long total = published ? mongo.count(query(criteria), OParlObject.class) : 0;
        List<OParlObject> objects = published ? mongo.find(query(criteria)
                .with(Sort.by("created", "_id"))
                .skip((long) (query.page() - 1) * query.limit())
                .limit(query.limit()), OParlObject.class) : List.of();
        OParlRendering rendering = new OParlRendering(query.base(), settings::publishes);
        Map<String, List<OParlObject>> children = children(objects);
        List<Map<String, Object>> data = objects.stream()
                .map(o -> rendering.render(o, children, filter.omitInternal())).toList();

        int totalPages = (int) Math.max(1, (total + query.limit() - 1) / query.limit());
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("totalElements", total);
        pagination.put("elementsPerPage", query.limit());
        pagination.put("currentPage", query.page());
        pagination.put("totalPages", totalPages);
        String list = rendering.url(query.listPath());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", page(list, query, 1));
        if (query.page() > 1) {
            links.put("prev", page(list, query, Math.min(query.page() - 1, totalPages)));
        }
        links.put("self", page(list, query, query.page()));
        if (query.page() < totalPages) {
            links.put("next", page(list, query, query.page() + 1));
        }
        links.put("last", page(list, query, totalPages));
        return new OParlListPage(data, pagination, links);
    }

    @QueryHandler
    Optional<String> handle(FetchOParlFileContent query) {
        OParlObject file = mongo.findById(query.path(), OParlObject.class);
        if (file == null || file.kind() != OParlKind.FILE || file.isDeleted()) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) file.fields().get("text"));
    }

    /** The objects embedded in these, by the id of the object they are embedded in. */
    private Map<String, List<OParlObject>> children(List<OParlObject> parents) {
        List<String> ids = parents.stream().filter(p -> OParlRendering.embeds(p.kind())).map(OParlObject::id).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("parent").in(ids).and("deleted").ne(true)), OParlObject.class).stream()
                .collect(Collectors.groupingBy(OParlObject::parent));
    }

    private static void range(Criteria criteria, String field, java.time.Instant since, java.time.Instant until) {
        if (since != null && until != null) {
            criteria.and(field).gte(since).lte(until);
        } else if (since != null) {
            criteria.and(field).gte(since);
        } else if (until != null) {
            criteria.and(field).lte(until);
        }
    }

    /** A page's URL: the list's, the filters as the client gave them, the limit when given, and the page. */
    private static String page(String list, FetchOParlList query, int page) {
        Map<String, String> parameters = new LinkedHashMap<>(query.filter().parameters());
        if (query.limit() != OParlSettings.DEFAULT_LIMIT) {
            parameters.put("limit", Integer.toString(query.limit()));
        }
        parameters.put("page", Integer.toString(page));
        return list + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

}

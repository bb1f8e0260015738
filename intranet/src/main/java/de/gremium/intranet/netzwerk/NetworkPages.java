package de.gremium.intranet.netzwerk;

import de.gremium.intranet.api.Apis;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The network of the integration and foreigners' work: what its working groups announced, changed, completed and
 * dropped (the feed, newest first), their projects as they stand, one project with its history, and the feed as
 * Atom for feed readers, passed through from the query side with the signed-in person's identity.
 */
@Controller
class NetworkPages {

    static final MediaType ATOM = MediaType.valueOf("application/atom+xml");

    private final Apis apis;

    NetworkPages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/netzwerk")
    String network(@RequestParam(name = "seite", defaultValue = "1") int seite, Model model) {
        int page = Math.max(1, Math.min(seite, 10_000));
        Map<String, Object> feed = apis.view("/api/network-feed", Apis.parameters("page", page, "size", 20));
        Map<String, Object> projects = apis.view("/api/network-projects", Apis.parameters("size", 100));
        model.addAttribute("eintraege", Apis.items(feed));
        model.addAttribute("seiten", feed.get("pagination"));
        model.addAttribute("seite", page);
        model.addAttribute("projekte", Apis.items(projects));
        model.addAttribute("projekteGesamt", ((Map<?, ?>) projects.getOrDefault("pagination", Map.of()))
                .get("totalElements"));
        return "netzwerk/netzwerk";
    }

    @GetMapping("/netzwerk/projekte/{id}")
    String project(@PathVariable String id, Model model) {
        model.addAttribute("projekt", apis.view("/api/network-projects/{projectId}", id));
        return "netzwerk/projekt";
    }

    /** The query side's Atom feed as it is: its body, content type and ETag. */
    @GetMapping("/netzwerk.atom")
    ResponseEntity<byte[]> atom() {
        ResponseEntity<byte[]> feed = apis.raw("/api/network-feed.atom", ATOM);
        MediaType type = feed.getHeaders().getContentType();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(feed.getStatusCode())
                .contentType(type == null ? ATOM : type);
        String etag = feed.getHeaders().getETag();
        if (etag != null) {
            answer.header(HttpHeaders.ETAG, etag);
        }
        return answer.body(feed.getBody());
    }
}

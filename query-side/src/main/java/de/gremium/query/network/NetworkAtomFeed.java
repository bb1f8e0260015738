package de.gremium.query.network;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.query.api.OutputText;
import de.gremium.query.network.NetworkFeedEntry.Change;
import de.gremium.query.network.NetworkFeedEntry.EntryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The network-group feed as an Atom feed (RFC 4287), written with ROME, for intranet pages and feed
 * readers. Labels are German. Every id is a tag URI (RFC 4151) that never changes: the feed's names
 * its filters, an entry's names project and event sequence, so an entry has the same id in every
 * filtered feed. Times are the events' own, so the same events always give the same feed. Every text and link
 * goes through {@link OutputText#printable}: XML 1.0 allows no control characters, and one stored title with one
 * would otherwise make the whole feed fail.
 */
@Component
public class NetworkAtomFeed {

    /** How many entries, newest first, a feed document carries (readers keep what they have seen). */
    static final int ENTRIES = 50;
    static final String TAG = "tag:gremium.magdeburg.de,2026:";
    static final String FEED_ID = TAG + "network-feed";
    static final String WORKING_GROUP_SCHEME = TAG + "network-working-group";
    static final String POLICY_FIELD_SCHEME = TAG + "policy-field";
    static final String STATUS_SCHEME = TAG + "network-project-status";
    static final String TITLE = "Netzwerk für Integrations- und Ausländerarbeit – Projekte";
    static final String AUTHOR = "Koordinator für Integration und Zuwanderung, Landeshauptstadt Magdeburg";
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, String> FIELD_LABELS = Map.of("status", "Status", "startDate", "Beginn", "endDate",
            "Ende", "contact", "Kontakt", "title", "Titel", "policyFields", "Handlungsfelder", "description", "Beschreibung");

    /**
     * The feed of these entries (newest first) for the given filters (null: all); {@code self} is the
     * URL the feed was read from, {@code base} the query side's address for links to the projects.
     */
    public String render(List<NetworkFeedEntry> entries, NetworkWorkingGroup workingGroup, PolicyField policyField,
            String self, String base) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(feedId(workingGroup, policyField));
        feed.setTitleEx(text(TITLE));
        feed.setSubtitle(text(subtitle(workingGroup, policyField)));
        feed.setUpdated(Date.from(entries.isEmpty() ? Instant.EPOCH : entries.get(0).occurredAt()));
        feed.setAuthors(List.of(person(AUTHOR)));
        feed.setOtherLinks(List.of(link("self", MEDIA_TYPE, self)));
        Generator generator = new Generator();
        generator.setValue("Gremium");
        feed.setGenerator(generator);
        feed.setEntries(entries.stream().map(e -> entry(e, base)).toList());
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the network feed cannot be written as Atom", e);
        }
    }

    /** The unfiltered feed's id, with the filters appended as a query: each filtered feed is a feed of its own. */
    static String feedId(NetworkWorkingGroup workingGroup, PolicyField policyField) {
        List<String> filters = new ArrayList<>();
        if (workingGroup != null) {
            filters.add("workingGroup=" + workingGroup.name());
        }
        if (policyField != null) {
            filters.add("policyField=" + policyField.name());
        }
        return filters.isEmpty() ? FEED_ID : FEED_ID + "?" + String.join("&", filters);
    }

    static String entryId(NetworkFeedEntry entry) {
        return FEED_ID + "/" + entry.projectId() + "/" + entry.sequence();
    }

    private static String subtitle(NetworkWorkingGroup workingGroup, PolicyField policyField) {
        String text = "Laufende und geplante Projekte der Arbeitsgruppen des Netzwerks, neueste Meldungen zuerst";
        List<String> filters = new ArrayList<>();
        if (workingGroup != null) {
            filters.add(workingGroup.germanLabel());
        }
        if (policyField != null) {
            filters.add("Handlungsfeld " + policyField.germanLabel());
        }
        return filters.isEmpty() ? text : text + " – nur " + String.join(", ", filters);
    }

    private static Entry entry(NetworkFeedEntry e, String base) {
        Entry entry = new Entry();
        entry.setId(OutputText.printable(entryId(e)));
        entry.setTitleEx(text(e.title()));
        entry.setUpdated(Date.from(e.occurredAt()));
        entry.setPublished(Date.from(e.occurredAt()));
        entry.setAuthors(List.of(person(e.actor())));
        entry.setAlternateLinks(List.of(link("alternate", "application/json", base + "/api/network-projects/" + e.projectId())));
        entry.setSummary(text(summary(e)));
        entry.setContents(List.of(text(content(e))));
        List<Category> categories = new ArrayList<>();
        categories.add(category(WORKING_GROUP_SCHEME, e.workingGroup().name(), e.workingGroup().germanLabel()));
        e.policyFields().stream().sorted()
                .forEach(f -> categories.add(category(POLICY_FIELD_SCHEME, f.name(), f.germanLabel())));
        categories.add(category(STATUS_SCHEME, e.status().name(), e.status().germanLabel()));
        entry.setCategories(categories);
        return entry;
    }

    static String summary(NetworkFeedEntry e) {
        return switch (e.kind()) {
            case ANNOUNCED -> "Neues Projekt der " + e.workingGroup().germanLabel() + ", " + e.status().germanLabel()
                    + period(e.startDate(), e.endDate()).map(p -> ", " + p).orElse("") + ".";
            case UPDATED -> e.changes().isEmpty() ? "Aktualisiert." : "Geändert: " + e.changes().stream()
                    .map(NetworkAtomFeed::change).collect(Collectors.joining("; ")) + ".";
            case COMPLETED -> "Abgeschlossen" + (e.completedOn() == null ? "" : " am " + GERMAN_DATE.format(e.completedOn()))
                    + ": " + e.note();
            case DROPPED -> "Eingestellt: " + e.note();
        };
    }

    static String content(NetworkFeedEntry e) {
        StringBuilder text = new StringBuilder()
                .append("Arbeitsgruppe: ").append(e.workingGroup().germanLabel())
                .append("\nProjekt: ").append(e.projectTitle())
                .append("\nStatus: ").append(e.status().germanLabel());
        period(e.startDate(), e.endDate()).ifPresent(p -> text.append("\nZeitraum: ").append(p));
        if (e.contact() != null && !e.contact().isBlank()) {
            text.append("\nKontakt: ").append(e.contact());
        }
        text.append("\nHandlungsfelder: ").append(e.policyFields().stream().sorted().map(PolicyField::germanLabel)
                .collect(Collectors.joining("; ")));
        if (e.kind() != EntryKind.ANNOUNCED) {
            text.append("\n\n").append(summary(e));
        }
        return text.append("\n\n").append(e.description()).toString();
    }

    /** "Status geplant → laufend"; a changed description is only named. */
    private static String change(Change c) {
        String label = FIELD_LABELS.getOrDefault(c.field(), c.field());
        if (c.field().equals("description")) {
            return label + " neu gefasst";
        }
        return label + " " + value(c.field(), c.before()) + " → " + value(c.field(), c.after());
    }

    private static String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return "–";
        }
        return switch (field) {
            case "status" -> NetworkProjectStatus.valueOf(value).germanLabel();
            case "startDate", "endDate" -> GERMAN_DATE.format(LocalDate.parse(value));
            case "policyFields" -> Arrays.stream(value.split(",")).map(f -> PolicyField.valueOf(f).germanLabel())
                    .collect(Collectors.joining(" / "));
            default -> value;
        };
    }

    private static Optional<String> period(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return Optional.empty();
        }
        if (end == null) {
            return Optional.of("ab " + GERMAN_DATE.format(start));
        }
        if (start == null) {
            return Optional.of("bis " + GERMAN_DATE.format(end));
        }
        return Optional.of(GERMAN_DATE.format(start) + " – " + GERMAN_DATE.format(end));
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(OutputText.printable(value));
        return content;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(OutputText.printable(name));
        return person;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(OutputText.printable(href));
        return link;
    }

    private static Category category(String scheme, String term, String label) {
        Category category = new Category();
        category.setScheme(scheme);
        category.setTerm(term);
        category.setLabel(label);
        return category;
    }
}

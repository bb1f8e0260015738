package de.gremium.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.query.network.NetworkFeedEntry.Change;
import de.gremium.query.network.NetworkFeedEntry.EntryKind;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Atom rendering on its own: German texts, and a feed that ROME reads back. */
class NetworkAtomFeedTest {

    private static final Instant T = Instant.parse("2027-02-03T09:05:00Z");

    private static NetworkFeedEntry entry(EntryKind kind, LocalDate start, LocalDate end, List<Change> changes, String note) {
        return new NetworkFeedEntry("p/1", "p", 1, kind, NetworkFeedEntry.heading(NetworkWorkingGroup.LANGUAGE, "Sprachcafé", kind),
                NetworkWorkingGroup.LANGUAGE, "Sprachcafé", "Offenes <Sprachcafé> & mehr",
                Set.of(PolicyField.LANGUAGE, PolicyField.EMPLOYMENT), NetworkProjectStatus.RUNNING, start, end, null, changes,
                note, null, "koordinator", T);
    }

    @Test
    void anUpdateNamesEveryChangeInGerman() {
        NetworkFeedEntry updated = entry(EntryKind.UPDATED, LocalDate.parse("2027-03-01"), null, List.of(
                new Change("status", "PLANNED", "RUNNING"), new Change("endDate", "2027-12-31", null),
                new Change("policyFields", "LANGUAGE", "LANGUAGE,EMPLOYMENT"), new Change("description", null, null)), null);

        assertThat(NetworkAtomFeed.summary(updated)).isEqualTo("Geändert: Status geplant → laufend; Ende 31.12.2027 → –; "
                + "Handlungsfelder Spracherwerb → Spracherwerb / Berufsausbildung, nichtselbständige und selbständige "
                + "Erwerbsarbeit; Beschreibung neu gefasst.");
        assertThat(NetworkAtomFeed.content(updated)).startsWith("""
                Arbeitsgruppe: AG Sprache
                Projekt: Sprachcafé
                Status: laufend
                Zeitraum: ab 01.03.2027
                Handlungsfelder: Spracherwerb; Berufsausbildung, nichtselbständige und selbständige Erwerbsarbeit

                Geändert: Status""").endsWith("\n\nOffenes <Sprachcafé> & mehr");
    }

    @Test
    void anAnnouncementSaysWhatIsNewAndWhen() {
        assertThat(NetworkAtomFeed.summary(entry(EntryKind.ANNOUNCED, null, LocalDate.parse("2027-12-31"), List.of(), null)))
                .isEqualTo("Neues Projekt der AG Sprache, laufend, bis 31.12.2027.");
        assertThat(NetworkAtomFeed.summary(entry(EntryKind.ANNOUNCED, null, null, List.of(), null)))
                .isEqualTo("Neues Projekt der AG Sprache, laufend.");
    }

    @Test
    void textWithMarkupIsEscapedAndReadBackUnchanged() throws Exception {
        String xml = new NetworkAtomFeed().render(List.of(entry(EntryKind.DROPPED, null, null, List.of(), "<keine> Räume & Mittel")),
                null, null, "http://intranet/api/network-feed.atom", "http://intranet");

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        Entry dropped = feed.getEntries().get(0);
        assertThat(dropped.getTitle()).isEqualTo("AG Sprache: Sprachcafé – eingestellt");
        assertThat(dropped.getSummary().getValue()).isEqualTo("Eingestellt: <keine> Räume & Mittel");
        assertThat(dropped.getContents().get(0).getValue()).endsWith("Offenes <Sprachcafé> & mehr");
        assertThat(feed.getOtherLinks()).extracting(l -> l.getRel() + " " + l.getHref())
                .containsExactly("self http://intranet/api/network-feed.atom");
        assertThat(feed.getGenerator().getValue()).isEqualTo("Gremium");
    }

    @Test
    void controlCharactersInStoredTextsAreDroppedOrBecomeLineBreaksSoTheFeedStaysXml() throws Exception {
        NetworkFeedEntry pasted = new NetworkFeedEntry("p/1", "p", 1, EntryKind.DROPPED, "AG Sprache: Sprach\u0001café – eingestellt",
                NetworkWorkingGroup.LANGUAGE, "Sprach\u0001café", "Zeile eins\u000Bzeile zwei\u000C\u0000\uD800Ende\uFFFE",
                Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.RUNNING, null, null, "Frau\u0007 Ökz\u001F", List.of(),
                "kein\u0008 Geld\rmehr", null, "koordi\u0002nator", T);

        String xml = new NetworkAtomFeed().render(List.of(pasted), null, null, "http://intranet/api/network-feed.atom",
                "http://intranet");

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        Entry dropped = feed.getEntries().get(0);
        assertThat(dropped.getTitle()).isEqualTo("AG Sprache: Sprachcafé – eingestellt");
        assertThat(dropped.getSummary().getValue()).isEqualTo("Eingestellt: kein Geld\nmehr");
        assertThat(dropped.getContents().get(0).getValue()).contains("Projekt: Sprachcafé", "Kontakt: Frau Ökz")
                .endsWith("Zeile eins\nzeile zwei\nEnde");
        assertThat(dropped.getAuthors().get(0).getName()).isEqualTo("koordinator");
    }

    @Test
    void theFeedIdNamesItsFiltersInAFixedOrder() {
        assertThat(NetworkAtomFeed.feedId(null, null)).isEqualTo("tag:gremium.magdeburg.de,2026:network-feed");
        assertThat(NetworkAtomFeed.feedId(NetworkWorkingGroup.WORK_TRAINING, PolicyField.SPORT))
                .isEqualTo("tag:gremium.magdeburg.de,2026:network-feed?workingGroup=WORK_TRAINING&policyField=SPORT");
    }
}

package de.gremium.query.oparl;

import de.gremium.query.group.UnitKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The stable paths of Gremium's OParl objects and lists, and how their dates are written. */
final class OParlPaths {

    /** Dates are shown in the group's time zone, with their offset. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static final String ROOT = "/oparl/v1.1";
    static final String SYSTEM = "system";
    static final String BODY_KEY = "magdeburg";
    static final String BODY = OParlKind.BODY.id(BODY_KEY);
    static final String BODIES = "body";
    static final String GROUP = OParlKind.ORGANIZATION.id("gremium");
    static final String TERM = OParlKind.LEGISLATIVE_TERM.id("1");

    /** The body's external lists. */
    static final java.util.Set<OParlKind> LISTS = java.util.EnumSet.of(OParlKind.ORGANIZATION, OParlKind.PERSON,
            OParlKind.MEMBERSHIP, OParlKind.MEETING, OParlKind.AGENDA_ITEM, OParlKind.PAPER, OParlKind.CONSULTATION,
            OParlKind.LEGISLATIVE_TERM);

    private OParlPaths() {
    }

    /** The body's external list of objects of a kind: {@code body/magdeburg/meeting}. */
    static String list(OParlKind kind) {
        return BODY + "/" + kind.path();
    }

    static String department(String name) {
        return OParlKind.ORGANIZATION.id("department-" + UnitKeys.of(name));
    }

    static String unit(String name) {
        return OParlKind.ORGANIZATION.id("unit-" + UnitKeys.of(name));
    }

    static String person(String memberId) {
        return OParlKind.PERSON.id(memberId);
    }

    static String meeting(String meetingId) {
        return OParlKind.MEETING.id(meetingId);
    }

    static String agendaItem(String agendaItemId) {
        return OParlKind.AGENDA_ITEM.id(agendaItemId);
    }

    static String recommendationPaper(String recommendationId) {
        return OParlKind.PAPER.id("recommendation-" + recommendationId);
    }

    static String ideaPaper(String ideaId) {
        return OParlKind.PAPER.id("idea-" + ideaId);
    }

    static String recommendationConsultation(String recommendationId) {
        return OParlKind.CONSULTATION.id("recommendation-" + recommendationId);
    }

    static String ideaConsultation(String ideaId, String agendaItemId) {
        return OParlKind.CONSULTATION.id("idea-" + ideaId + "-" + agendaItemId);
    }

    static String minutes(String meetingId) {
        return OParlKind.FILE.id("minutes-" + meetingId);
    }

    static String dateTime(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String date(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZONE).toString();
    }
}

package de.gremium.command.calendar;

/**
 * Why an entry of a calendar source did not become a blocked appointment. An import answers with the count
 * of each, so that what a source listed and the lookup did not keep is accounted for.
 */
enum NotKept {
    /** An OParl meeting without {@code id}. */
    NO_ID,
    /** No start: an OParl meeting without {@code start}, an iCalendar event without DTSTART. */
    NO_START,
    /** A date outside the years 1900 to 2200 (start, end, modified, a rule's end …). */
    OUTSIDE_DATE_RANGE,
    /** Cancelled: OParl {@code cancelled: true}, iCalendar STATUS:CANCELLED (per instance). */
    CANCELLED,
    /** An OParl meeting marked {@code deleted: true}. */
    DELETED,
    /** An iCalendar event marked as free time (TRANSP:TRANSPARENT), per instance. */
    FREE_TIME,
    /** It ended before the window that is kept: more than a year before the import. */
    ENDED_BEFORE_WINDOW,
    /** It starts after the window that is kept: more than two years after the import (iCalendar only). */
    BEYOND_WINDOW,
    /** The same entry again (the same OParl id; the same UID and RECURRENCE-ID): the last one listed counts. */
    DUPLICATE
}

package de.gremium.events.scheduling;

import java.time.Instant;

/** Everything that can happen to a scheduling poll. */
public sealed interface SchedulingPollEvent permits SchedulingPollOpened, SchedulingPollAnswered, MeetingDateFixed {

    SchedulingPollId pollId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}

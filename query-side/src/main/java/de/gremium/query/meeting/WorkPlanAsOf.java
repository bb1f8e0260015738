package de.gremium.query.meeting;

import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.query.group.MemberDirectoryProjection;
import de.gremium.query.history.AsOfReplay;
import de.gremium.query.idea.ProjectIdeaProjection;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The work plan of a year as it stood at a past instant, rebuilt from the events up to it. */
@Component
class WorkPlanAsOf {

    private final AsOfReplay replay;

    WorkPlanAsOf(AsOfReplay replay) {
        this.replay = replay;
    }

    WorkPlan at(int year, Instant asOf) {
        return replay.rebuild(asOf,
                scratch -> List.of(new MeetingProjection(scratch), new ProjectIdeaProjection(scratch),
                        new MemberDirectoryProjection(scratch)),
                scratch -> new WorkPlanQueries(scratch).handle(new FetchWorkPlan(year)));
    }
}

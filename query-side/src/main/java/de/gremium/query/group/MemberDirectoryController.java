package de.gremium.query.group;

import de.gremium.events.group.FetchMemberDirectory;
import de.gremium.events.group.FetchUnitRepresentation;
import de.gremium.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Member directory", description = "Members, units and who represented which unit when")
class MemberDirectoryController {

    private final QueryGateway queries;

    MemberDirectoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/members")
    @Operation(summary = "The current members", description = "Members who have not withdrawn, with unit, department "
            + "(the unit's current department) and roles (COORDINATOR, MAYORS_OFFICE_SEAT). Ordered as the constitution "
            + "lists departments and units, then by name. Filters combine; unit takes a unit's name or its key (see "
            + "/api/units); an unknown department or unit gives an empty list.")
    MemberDirectory members(@RequestParam(required = false) String department, @RequestParam(required = false) String unit) {
        return queries.query(new FetchMemberDirectory(department, unit), ResponseTypes.instanceOf(MemberDirectory.class))
                .join();
    }

    @GetMapping("/api/units")
    @Operation(summary = "Departments and their units", description = "In the order of the constitution, later additions "
            + "after. Retired units stay listed as RETIRED; a department is ACTIVE while one of its units is. Each unit "
            + "has a URL-safe key (\"IV/01\" → \"iv-01\") to use in paths.")
    UnitDirectory units() {
        return queries.query(new FetchUnitDirectory(), ResponseTypes.instanceOf(UnitDirectory.class)).join();
    }

    @GetMapping("/api/units/{unit}/representatives")
    @Operation(summary = "Who represented a unit on a day", description = "Every member who represented the unit at any "
            + "time during the calendar day in Europe/Berlin (a day of 23 or 25 hours when the clocks change), members who "
            + "have withdrawn since included, in the order of appointment; until is absent while the member still "
            + "represents it. unit is the unit's key or its name; date is YYYY-MM-DD, today in Berlin when omitted.")
    UnitRepresentation representatives(@PathVariable String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(MemberDirectoryQueries.BERLIN);
        return queries.query(new FetchUnitRepresentation(unit, day),
                        ResponseTypes.optionalInstanceOf(UnitRepresentation.class)).join()
                .orElseThrow(() -> Refusal.notFound("Unit " + unit));
    }
}

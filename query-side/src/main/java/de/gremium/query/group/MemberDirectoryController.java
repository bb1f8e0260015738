package de.gremium.query.group;

import de.gremium.events.group.FetchMemberDirectory;
import de.gremium.events.group.FetchUnitRepresentation;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Member directory", description = "Members, units and who represented which unit when")
class MemberDirectoryController {

    static final CsvColumns<MemberDirectory.Member> MEMBERS = CsvColumns.of(MemberDirectory.Member.class);
    /** One row per unit, its department first. */
    static final CsvColumns<UnitRow> UNITS = CsvColumns.<UnitRow>column("department", r -> r.department().name())
            .and("departmentStatus", r -> r.department().status())
            .and("unit", r -> r.unit(), CsvColumns.of(UnitDirectory.Unit.class));
    /** One row per representative, the unit first. */
    static final CsvColumns<RepresentativeRow> REPRESENTATIVES = CsvColumns
            .<RepresentativeRow>column("unit", r -> r.unit().unit())
            .and("key", r -> r.unit().key())
            .and("department", r -> r.unit().department())
            .and("date", r -> r.unit().date())
            .and("representative", r -> r.representative(), CsvColumns.of(UnitRepresentation.Representative.class));
    private static final String CSV = "\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): ";

    private final QueryGateway queries;

    MemberDirectoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/members")
    @Operation(summary = "The current members", description = "Members who have not withdrawn, with unit, department "
            + "(the unit's current department) and roles (COORDINATOR, MAYORS_OFFICE_SEAT). Ordered as the constitution "
            + "lists departments and units, then by name. Filters combine; unit takes a unit's name or its key (see "
            + "/api/units); an unknown department or unit gives an empty list. email (the address for notifications) is "
            + "personal data: the coordinator sees every member's, anyone else only their own." + CSV + "one row per "
            + "member; columns memberId, name, unit, department, roles (joined by \"; \"), appointedAt, email.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MemberDirectory.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> members(@RequestParam(required = false) String department, @RequestParam(required = false) String unit,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        MemberDirectory directory = queries.query(new FetchMemberDirectory(department, unit),
                ResponseTypes.instanceOf(MemberDirectory.class)).join()
                .asSeenBy(CurrentUser.id(), CurrentUser.hasRole("COORDINATOR"));
        return export.view(directory, MemberDirectory::members, MEMBERS, "members");
    }

    @GetMapping("/api/units")
    @Operation(summary = "Departments and their units", description = "In the order of the constitution, later additions "
            + "after. Retired units stay listed as RETIRED; a department is ACTIVE while one of its units is. Each unit "
            + "has a URL-safe key (\"IV/01\" → \"iv-01\") to use in paths." + CSV + "one row per unit; columns "
            + "department, departmentStatus, unit.name, unit.key, unit.status, unit.addedAt, unit.retiredAt, "
            + "unit.retirementReason.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = UnitDirectory.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> units(@Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        UnitDirectory directory = queries.query(new FetchUnitDirectory(), ResponseTypes.instanceOf(UnitDirectory.class)).join();
        return export.view(directory, d -> d.departments().stream()
                .flatMap(department -> department.units().stream().map(unit -> new UnitRow(department, unit))).toList(),
                UNITS, "units");
    }

    @GetMapping("/api/units/{unit}/representatives")
    @Operation(summary = "Who represented a unit on a day", description = "Every member who represented the unit at any "
            + "time during the calendar day in Europe/Berlin (a day of 23 or 25 hours when the clocks change), members who "
            + "have withdrawn since included, in the order of appointment; until is absent while the member still "
            + "represents it. unit is the unit's key or its name; date is YYYY-MM-DD, today in Berlin when omitted."
            + CSV + "one row per representative; columns unit, key, department, date, representative.memberId, "
            + "representative.name, representative.from, representative.until.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = UnitRepresentation.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> representatives(@PathVariable String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        LocalDate day = date != null ? date : LocalDate.now(MemberDirectoryQueries.BERLIN);
        UnitRepresentation representation = queries.query(new FetchUnitRepresentation(unit, day),
                        ResponseTypes.optionalInstanceOf(UnitRepresentation.class)).join()
                .orElseThrow(() -> Refusal.notFound("Unit " + unit));
        return export.view(representation, r -> r.representatives().stream()
                .map(representative -> new RepresentativeRow(r, representative)).toList(), REPRESENTATIVES,
                "representatives-" + representation.key() + "-" + day);
    }

    /** A row of the units' CSV. */
    record UnitRow(UnitDirectory.Department department, UnitDirectory.Unit unit) {
    }

    /** A row of the representatives' CSV. */
    record RepresentativeRow(UnitRepresentation unit, UnitRepresentation.Representative representative) {
    }
}

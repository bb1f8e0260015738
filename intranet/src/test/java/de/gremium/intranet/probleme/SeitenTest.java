package de.gremium.intranet.probleme;

import de.gremium.intranet.PageTest;
import de.gremium.intranet.StubApi;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;

/**
 * The problem pages' tests ({@link PageTest}): the people who use them, and the units and members the forms offer.
 */
public abstract class SeitenTest extends PageTest {

    public static final SignedInUser MITGLIED = new SignedInUser("m.mueller", "Maria Müller", List.of("MEMBER"));
    public static final SignedInUser KOORDINATION = new SignedInUser("k.koch", "Karl Koch", List.of("MEMBER", "COORDINATOR"));
    public static final SignedInUser LESER = new SignedInUser("l.lang", "Lea Lang", List.of("READER"));

    protected final StubApi apis = API;

    /** The group's units as {@code /api/units} lists them. */
    protected void units() {
        apis.get("/api/units", """
                {"departments":[
                  {"name":"Dezernat V","status":"ACTIVE","units":[
                    {"name":"Sozial- und Wohnungsamt","key":"sozial-und-wohnungsamt","status":"ACTIVE","addedAt":"2026-01-05T09:00:00Z"},
                    {"name":"Amt für Statistik","key":"amt-fuer-statistik","status":"RETIRED","addedAt":"2026-01-05T09:00:00Z",
                     "retiredAt":"2026-06-01T09:00:00Z","retirementReason":"aufgelöst"}]},
                  {"name":"Dezernat IV","status":"ACTIVE","units":[
                    {"name":"IV/01","key":"iv-01","status":"ACTIVE","addedAt":"2026-01-05T09:00:00Z"}]}]}""");
    }

    /** The members as {@code /api/members} lists them. */
    protected void members() {
        apis.get("/api/members", """
                {"members":[
                  {"memberId":"m.mueller","name":"Maria Müller","unit":"IV/01","department":"Dezernat IV","roles":[]},
                  {"memberId":"k.koch","name":"Karl Koch","unit":"IV/01","department":"Dezernat IV","roles":["COORDINATOR"]}]}""");
    }
}

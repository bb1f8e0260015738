package de.gremium.query.oparl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The schemas the contract tests use refuse what the standard refuses, so a passing contract test means something. */
class OParlSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aMeetingWithItsRequiredAttributesPasses() throws Exception {
        assertThat(OParlSchemas.problems("Meeting", MAPPER.readTree("""
                {"id":"https://x.test/oparl/v1.1/meeting/1","type":"https://schema.oparl.org/1.1/Meeting",
                 "start":"2026-03-11T13:00:00+01:00","created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00",
                 "agendaItem":[{"id":"https://x.test/oparl/v1.1/agendaitem/1","type":"https://schema.oparl.org/1.1/AgendaItem",
                   "order":1,"created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00"}]}"""))).isEmpty();
    }

    @Test
    void anEmbeddedObjectWithoutModifiedFails() throws Exception {
        assertThat(OParlSchemas.problems("Meeting", MAPPER.readTree("""
                {"id":"https://x.test/oparl/v1.1/meeting/1","type":"https://schema.oparl.org/1.1/Meeting",
                 "created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00",
                 "agendaItem":[{"id":"https://x.test/oparl/v1.1/agendaitem/1","type":"https://schema.oparl.org/1.1/AgendaItem",
                   "order":1,"created":"2026-03-02T10:00:00+01:00"}]}"""))).isNotEmpty();
    }

    @Test
    void aWrongTypeUrlARelativeIdADateWithoutOffsetAndAnUnknownAttributeEachFail() throws Exception {
        String valid = """
                {"id":"https://x.test/oparl/v1.1/paper/1","type":"https://schema.oparl.org/1.1/Paper",
                 "created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00"}""";
        assertThat(OParlSchemas.problems("Paper", MAPPER.readTree(valid))).isEmpty();
        assertThat(OParlSchemas.problems("Paper", MAPPER.readTree(valid.replace("1.1/Paper", "1.0/Paper")))).isNotEmpty();
        assertThat(OParlSchemas.problems("Paper", MAPPER.readTree(valid.replace("https://x.test", "")))).isNotEmpty();
        assertThat(OParlSchemas.problems("Paper", MAPPER.readTree(valid.replace("10:00:00+01:00\"}", "10:00:00\"}")))).isNotEmpty();
        assertThat(OParlSchemas.problems("Paper", MAPPER.readTree(valid.replace("{\"id\"", "{\"status\":\"x\",\"id\"")))).isNotEmpty();
    }

    @Test
    void aSystemWithoutBodyAndAFileWithoutAccessUrlFail() throws Exception {
        assertThat(OParlSchemas.problems("System", MAPPER.readTree("""
                {"id":"https://x.test/s","type":"https://schema.oparl.org/1.1/System","oparlVersion":"https://schema.oparl.org/1.1/",
                 "created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00"}"""))).isNotEmpty();
        assertThat(OParlSchemas.problems("File", MAPPER.readTree("""
                {"id":"https://x.test/f","type":"https://schema.oparl.org/1.1/File",
                 "created":"2026-03-02T10:00:00+01:00","modified":"2026-03-02T10:00:00+01:00"}"""))).isNotEmpty();
    }
}

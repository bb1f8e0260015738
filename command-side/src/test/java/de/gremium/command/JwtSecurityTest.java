package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production mode: an OAuth2 resource server that takes Keycloak access tokens. The key is
 * configured as a public key file here; in production an issuer URI (GREMIUM_JWT_ISSUER_URI).
 */
class JwtSecurityTest {

    @TempDir
    static Path keys;
    static KeyPair keyPair;
    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
        Path pem = keys.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        List<String> args = new ArrayList<>(TestStore.fresh());
        args.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + pem.toAbsolutePath());
        app = CommandSideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The client Gremium's tokens are issued for (the default of gremium.security.jwt.client-id). */
    static final String CLIENT = "gremium-intranet";

    /** A Keycloak access token for {@link #CLIENT}: {@code user} is its subject, the client's roles are {@code roles}. */
    static String token(RSAPrivateKey key, String user, List<String> roles, Instant expires) throws Exception {
        return sign(key, claims(user, expires).claim("resource_access", Map.of(CLIENT, Map.of("roles", roles))).build());
    }

    static JWTClaimsSet.Builder claims(String subject, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("preferred_username", subject)
                .audience(List.of(CLIENT, "account"))
                .claim("azp", CLIENT)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(expires));
    }

    static String sign(RSAPrivateKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static RSAPrivateKey key() {
        return (RSAPrivateKey) keyPair.getPrivate();
    }

    static Map<String, Object> report() {
        return Map.of("title", "Per Token", "description", "d", "unit", "FB 32", "policyFields", List.of("PARTICIPATION"));
    }

    @Test
    void aMemberTokenFromKeycloakSubmitsAReportInTheNameOfItsSubject() throws Exception {
        String coordinator = token((RSAPrivateKey) keyPair.getPrivate(), "kira.koordination", List.of("COORDINATOR"),
                Instant.now().plusSeconds(300));
        Http.Response appointed = http.anonymous().bearer(coordinator).post("/api/group/members",
                Map.of("memberId", "maria.fb32", "name", "Maria Roth (FB 32)", "unit", "FB 32"));
        assertThat(appointed.status()).as(appointed.toString()).isIn(201, 204);
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "maria.fb32", List.of("MEMBER", "offline_access"),
                Instant.now().plusSeconds(300));
        Http.Response created = http.anonymous().bearer(token).post("/api/problem-reports", report());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<RecordRows.Row> stored = RecordRows.of(app).ofAggregate(created.json().get("id").asText());
        assertThat(stored).singleElement().extracting(RecordRows.Row::metaData).asString()
                .contains("\"userId\":\"maria.fb32\"");
    }

    @Test
    void aMemberTokenOfSomeoneNeverAppointedToTheGroupIsForbiddenToSubmit() throws Exception {
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "nie.ernannt", List.of("MEMBER"), Instant.now().plusSeconds(300));

        Http.Response refused = http.anonymous().bearer(token).post("/api/problem-reports", report());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("nie.ernannt is not an appointed member");
    }

    @Test
    void theCoordinatorSubmitsWhetherOrNotAppointedAsAMember() throws Exception {
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "kira.koordination", List.of("COORDINATOR", "MEMBER"),
                Instant.now().plusSeconds(300));

        assertThat(http.anonymous().bearer(token).post("/api/problem-reports", report()).status()).isEqualTo(201);
    }

    @Test
    void aReaderTokenIsForbiddenToSubmit() throws Exception {
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "intranet", List.of("READER"), Instant.now().plusSeconds(300));
        assertThat(http.anonymous().bearer(token).post("/api/problem-reports", report()).status()).isEqualTo(403);
    }

    @Test
    void aTokenWithoutGremiumRolesIsForbidden() throws Exception {
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "someone", List.of("offline_access"), Instant.now().plusSeconds(300));
        assertThat(http.anonymous().bearer(token).post("/api/problem-reports", report()).status()).isEqualTo(403);
    }

    @Test
    void anExpiredTokenIsUnauthenticated() throws Exception {
        String token = token((RSAPrivateKey) keyPair.getPrivate(), "maria.fb32", List.of("MEMBER"), Instant.now().minusSeconds(600));
        Http.Response response = http.anonymous().bearer(token).post("/api/problem-reports", report());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token((RSAPrivateKey) generator.generateKeyPair().getPrivate(), "maria.fb32", List.of("COORDINATOR", "MEMBER"),
                Instant.now().plusSeconds(300));
        assertThat(http.anonymous().bearer(forged).post("/api/problem-reports", report()).status()).isEqualTo(401);
    }

    @Test
    void basicAuthenticationIsNotAcceptedInJwtMode() {
        assertThat(http.as("anna.amt50").post("/api/problem-reports", report()).status()).isEqualTo(401);
    }

    @Test
    void aTokenWhosePreferredUsernameNamesAMemberActsAsItsSubjectNotAsThatMember() throws Exception {
        String coordinator = token(key(), "kira.koordination", List.of("COORDINATOR"), Instant.now().plusSeconds(300));
        assertThat(http.anonymous().bearer(coordinator).post("/api/group/members",
                Map.of("memberId", "paul.fb32", "name", "Paul Lange (FB 32)", "unit", "FB 32")).status()).isEqualTo(201);
        String renamed = sign(key(), claims("7c1e9a40-intruder", Instant.now().plusSeconds(300))
                .claim("preferred_username", "paul.fb32")
                .claim("resource_access", Map.of(CLIENT, Map.of("roles", List.of("MEMBER")))).build());

        Http.Response refused = http.anonymous().bearer(renamed).post("/api/problem-reports", report());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("7c1e9a40-intruder is not an appointed member");
    }

    @Test
    void aTokenTheRealmIssuedForAnotherClientIsUnauthenticated() throws Exception {
        String otherApp = sign(key(), claims("maria.fb32", Instant.now().plusSeconds(300))
                .audience(List.of("other-app")).claim("azp", "other-app")
                .claim("resource_access", Map.of("other-app", Map.of("roles", List.of("MEMBER")),
                        CLIENT, Map.of("roles", List.of("MEMBER")))).build());

        Http.Response refused = http.anonymous().bearer(otherApp).post("/api/problem-reports", report());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:gremium:problem:unauthenticated");
    }

    @Test
    void aTokenForGremiumObtainedByAClientThatIsNotAnAuthorizedPartyIsUnauthenticated() throws Exception {
        String viaOtherApp = sign(key(), claims("maria.fb32", Instant.now().plusSeconds(300)).claim("azp", "other-app")
                .claim("resource_access", Map.of(CLIENT, Map.of("roles", List.of("MEMBER")))).build());

        assertThat(http.anonymous().bearer(viaOtherApp).post("/api/problem-reports", report()).status()).isEqualTo(401);
    }

    @Test
    void realmRolesAloneGrantNothingUnlessConfigured() throws Exception {
        String realmOnly = sign(key(), claims("kira.koordination", Instant.now().plusSeconds(300))
                .claim("realm_access", Map.of("roles", List.of("COORDINATOR", "MEMBER"))).build());

        assertThat(http.anonymous().bearer(realmOnly).post("/api/problem-reports", report()).status()).isEqualTo(403);
    }
}

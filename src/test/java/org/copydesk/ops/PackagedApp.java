package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaged jar (target/quarkus-app/quarkus-run.jar) run as an operator runs it: a separate
 * process, started from a directory of its own, configured only by environment variables.
 */
final class PackagedApp implements AutoCloseable {

    static final String SERVER = System.getProperty("it.server-jdbc-url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("it.user", "postgres");

    final int port;
    final int managementPort;
    private final Process process;
    private final Path log;

    private PackagedApp(int port, int managementPort, Process process, Path log) {
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar against {@code database} and waits until it serves the sign-in page. */
    static PackagedApp start(String database, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("copydesk-it");
        return start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().getAbsolutePath()),
                workDir, workDir.resolve("app.log"), database, extraEnv);
    }

    /**
     * The production options (docker/java-options) with half their heap: 96 MB, the heap before issue 21. The tests
     * of big material (photos, long stories, a crowd on a big story) hold the app to it, so what they show holds in
     * production with room to spare, and they failed on the code before (its out-of-memory errors were met there).
     */
    static String productionOptionsWithHalfTheHeap() throws IOException {
        String options = Files.readString(Path.of("docker/java-options")).strip();
        assertThat(options).as("docker/java-options sets the heap").containsPattern("-Xmx\\d+m");
        return options.replaceAll("-Xmx\\d+m", "-Xmx96m");
    }

    /**
     * Starts the jar as the image does: docker/start-app, from the jar's own directory (which its class archives
     * are made for), with the options in {@code javaOptions}.
     */
    static PackagedApp startAsTheImageDoes(String database, String javaOptions) throws IOException, InterruptedException {
        return startAsTheImageDoes(database, javaOptions, Map.of());
    }

    /** The same, with settings of its own besides the options. */
    static PackagedApp startAsTheImageDoes(String database, String javaOptions, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        return startAsTheImageDoes(jar().getParentFile().toPath(), database, javaOptions, extraEnv);
    }

    /** The same, from the app's directory {@code appDir} (the build's, or a copy of it: {@link #copyOfTheBuild}). */
    static PackagedApp startAsTheImageDoes(Path appDir, String database, String javaOptions, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path log = Files.createTempDirectory("copydesk-it").resolve("app.log");
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("JAVA_OPTS", javaOptions);
        return start(List.of("sh", new File("docker/start-app").getAbsolutePath()), appDir, log, database, env);
    }

    /**
     * The build's app directory (target/quarkus-app) copied to a new one, as a new image would hold it: what a start
     * leaves there (the trained class archive) is its own, whatever other tests start from the build's at the
     * same time.
     */
    static Path copyOfTheBuild() throws IOException {
        Path build = jar().getParentFile().toPath();
        Path copy = Files.createTempDirectory("copydesk-app");
        try (var files = Files.walk(build)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                if (from.getFileName().toString().startsWith("app-cds-trained.jsa")) {
                    continue; // a start's own, never the build's
                }
                Path to = copy.resolve(build.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    static File jar() {
        return new File(System.getProperty("it.jar", "target/quarkus-app/quarkus-run.jar")).getAbsoluteFile();
    }

    private static PackagedApp start(List<String> command, Path workDir, Path log, String database, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SERVER + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", USER);
        env.put("COPYDESK_ADMIN_USERNAME", "chief");
        env.put("COPYDESK_ADMIN_PASSWORD", "chief-editor-password");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // A management port of its own (metrics): two nodes, or another checkout's tests, on one machine.
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.putAll(extraEnv);
        builder.environment().putAll(env);
        PackagedApp app = new PackagedApp(port, Integer.parseInt(env.get("QUARKUS_MANAGEMENT_PORT")), builder.start(), log);
        app.awaitLoginPage();
        return app;
    }

    /** The java command's arguments: the process's own, or its child's (docker/start-app runs java as one to train). */
    List<String> javaArguments() {
        ProcessHandle java = process.children().findFirst().orElse(process.toHandle());
        return java.info().arguments().map(List::of).orElse(List.of());
    }

    /** The java process's id (docker/start-app may run java as its child). */
    long javaPid() {
        return process.children().findFirst().orElse(process.toHandle()).pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface (metrics), on this machine only. */
    String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitLoginPage() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The app stopped:\n" + log());
            }
            try {
                Response response = given().baseUri(base()).get("/login");
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not serve /login within 90 s:\n" + log());
    }

    /** Asks it to stop, as an orchestrator does (SIGTERM), without waiting for it. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app did not stop within " + within);
        }
        return process.exitValue();
    }

    /** Pulls the plug: SIGKILL, no shutdown hooks, whatever is in flight is cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A new, empty database on the local server; skips the test when there is no server to ask. */
    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    static String createDatabase() {
        String name = "copydesk_it_" + System.nanoTime();
        try {
            execute("postgres", "create database " + name);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + " to create an empty database: " + e.getMessage());
        }
        return name;
    }

    static void dropDatabase(String name) throws SQLException {
        execute("postgres", "drop database if exists " + name + " with (force)");
    }

    /** The same database as a libpq URL, for the command-line tools (pg_dump, psql). */
    static String libpqUrl(String database) {
        return SERVER.replaceFirst("^jdbc:postgresql://", "postgresql://" + USER + "@") + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, "");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999): a port the system hands out for listening is
     * from that range, and between closing it here and the app binding it, an outgoing connection (a node's
     * connections to PostgreSQL) could take it ("Port ... seems to be in use", TwoNodesIT, once). The ITs run in
     * two JVMs at once ({@code it.fork} 1 and 2): each takes its ports from its own half of the range, or the
     * other's app could bind a port between this check and its own app's start (a management port was once
     * answered by the other JVM's app).
     */
    private static int freePort() throws IOException {
        int fork = Integer.getInteger("it.fork", 1);
        int from = fork == 2 ? 26000 : 20000;
        for (int tries = 0; tries < 100; tries++) {
            int port = ThreadLocalRandom.current().nextInt(from, from + 6000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("No free port between " + from + " and " + (from + 6000));
    }
}

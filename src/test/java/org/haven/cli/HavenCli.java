package org.haven.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs `haven` as a script would: a separate JVM on the built classes, with HAVEN_HOME and the
 * credentials in its environment. One place for CLI tests to start the real command line.
 */
public final class HavenCli {

    /**
     * The java launcher for a CLI run in a test, with the flags of a short-lived JVM: the quick
     * compiler only and the serial collector (about a third less CPU per run; the suite starts hundreds).
     */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    public static final String SERIAL_GC = "-XX:+UseSerialGC";

    public record Run(int exit, String out, String err) {
        /**
         * The lines of stderr that report a problem: without the notice that the file is being
         * compacted, which a command prints on close whenever the file grew enough (not an error).
         */
        public java.util.stream.Stream<String> errorLines() {
            return err.lines().filter(l -> !l.startsWith("haven: compacting the database file"));
        }
    }

    private static final Path CDS_JAR = Path.of("target/cli-tests/haven-classes.jar");
    private static final Path CDS_ARCHIVE = Path.of("target/cli-tests/cli.jsa");
    private static Boolean cdsFresh;

    /**
     * The command line of a CLI JVM: {@code java ... org.haven.Main args}. With the class archive the
     * build makes for the tests (pom.xml, cli-test-cds) when it is newer than every compiled class,
     * else on the compiled classes as they are.
     */
    public static List<String> command(String... args) throws IOException {
        String libraries = Files.readString(Path.of("target/classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(JAVA, QUICK_JIT, SERIAL_GC, "-Dorg.jooq.no-logo=true"));
        if (cdsIsFresh()) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + CDS_ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-cp", CDS_JAR + java.io.File.pathSeparator + libraries));
        } else {
            cmd.addAll(List.of("-cp", "target/classes" + java.io.File.pathSeparator + libraries));
        }
        cmd.add("org.haven.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static synchronized boolean cdsIsFresh() throws IOException {
        if (cdsFresh == null) {
            if (!Files.isRegularFile(CDS_ARCHIVE) || !Files.isRegularFile(CDS_JAR)) {
                cdsFresh = false;
            } else {
                var jarTime = Files.getLastModifiedTime(CDS_JAR);
                try (var classes = Files.walk(Path.of("target/classes"))) {
                    cdsFresh = classes.filter(Files::isRegularFile).noneMatch(f -> {
                        try {
                            return Files.getLastModifiedTime(f).compareTo(jarTime) > 0;
                        } catch (IOException e) {
                            return true;
                        }
                    });
                }
            }
        }
        return cdsFresh;
    }

    private final Path home;
    private final Path scratch;
    private final Map<String, String> env = new HashMap<>();

    /** A CLI on the data folder {@code dir/home}, run as {@code user}. */
    public HavenCli(Path dir, String user, String password) {
        this(dir.resolve("home"), dir, user, password);
    }

    private HavenCli(Path home, Path scratch, String user, String password) {
        this.home = home;
        this.scratch = scratch;
        env.put("HAVEN_USER", user);
        env.put("HAVEN_PASSWORD", password);
    }

    /** A CLI on any data folder (tests that compare several); output is captured in {@code scratch}. */
    public static HavenCli onHome(Path home, Path scratch, String user, String password) {
        return new HavenCli(home, scratch, user, password);
    }

    public Path home() {
        return home;
    }

    public Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Runs with extra environment entries (e.g. another HAVEN_USER) for this call only. */
    public Run run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> cmd = command(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // Only what the test gives: nothing of the developer's own shell (another office, a password) leaks in.
        for (String inherited : List.of("HAVEN_NEW_PASSWORD", "HAVEN_EXPORT_PASSWORD", "HAVEN_DB_URL", "HAVEN_DB_USER", "HAVEN_DB_PASSWORD")) {
            pb.environment().remove(inherited);
        }
        pb.environment().put("HAVEN_HOME", home.toString());
        pb.environment().putAll(env);
        extraEnv.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k); // null: run without this variable
            else pb.environment().put(k, v);
        });
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))); // a prompt fails at once
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int exit = pb.start().waitFor();
        Run run = new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /**
     * Runs the repository's {@code ./haven} script itself (its launcher as a user starts it, not only
     * the JVM) with this CLI's data folder and account; at most 120 s.
     */
    public Run script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./haven"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("HAVEN_HOME", home.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("haven did not finish");
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Runs as another account. */
    public Run runAs(String user, String password, String... args) throws IOException, InterruptedException {
        return run(Map.of("HAVEN_USER", user, "HAVEN_PASSWORD", password), args);
    }
}

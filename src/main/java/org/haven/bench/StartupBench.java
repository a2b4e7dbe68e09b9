package org.haven.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haven.bench.BenchStep.BenchResult;

/**
 * Cold start to the first window, in child JVMs started like the bench itself (same java, class
 * path and flags) with the headless glass platform: Haven over the benchmark database, and a bare
 * JavaFX window as the baseline; then Haven again with a JDK AOT cache trained on one start.
 */
public final class StartupBench {
    static final int RUNS = 5;
    private static final long TIMEOUT_S = 120;

    private final Path home;
    private final String user;
    private final char[] password;
    private final Path workDir;

    public StartupBench(Path home, String user, char[] password, Path workDir) {
        this.home = home;
        this.user = user;
        this.password = password;
        this.workDir = workDir;
    }

    public List<BenchResult> run() throws Exception {
        List<String> haven = List.of("org.haven.Main");
        List<String> bare = List.of(BareWindow.Launcher.class.getName());
        start(haven, List.of()); // warm the OS file cache once, not counted
        Timings app = new Timings();
        Timings base = new Timings();
        for (int i = 0; i < RUNS; i++) {
            app.add(start(haven, List.of()));
            base.add(start(bare, List.of()));
        }
        double ratio = app.p50() / base.p50();
        List<BenchResult> rows = new ArrayList<>();
        rows.add(new BenchResult("start-up to first window: Haven", Timings.ms(app.p50()) + " (median of " + RUNS + ")",
                "-", true, "headless glass (-Dglass.platform=Headless -Dprism.order=sw); HAVEN_USER/HAVEN_PASSWORD set"));
        rows.add(new BenchResult("start-up to first window: bare JavaFX window", Timings.ms(base.p50()) + " (median of " + RUNS + ")",
                "-", true, "same java, class path and flags"));
        rows.add(new BenchResult("start-up: Haven / bare window", String.format(Locale.ROOT, "%.2fx", ratio), "<= 1.5x",
                ratio <= 1.5, ""));
        // The AOT cache needs a class path of jars only (no directories): use the built jar, as a package does.
        String jars = jarClassPath();
        if (jars == null) {
            rows.add(new BenchResult("start-up: Haven with AOT cache", "not measured", "-", true,
                    "the class path holds a directory and no built jar was found (run ./mvnw package)"));
            return rows;
        }
        Path aot = workDir.resolve("haven.aot");
        try {
            classPath = jars;
            start(haven, List.of("-XX:AOTCacheOutput=" + aot)); // training run; the JVM writes the cache at exit
            if (Files.isRegularFile(aot)) {
                Timings plain = new Timings();
                Timings cached = new Timings();
                for (int i = 0; i < RUNS; i++) {
                    plain.add(start(haven, List.of()));
                    cached.add(start(haven, List.of("-XX:AOTCache=" + aot)));
                }
                rows.add(new BenchResult("start-up: Haven from jars, without / with AOT cache",
                        Timings.ms(plain.p50()) + " / " + Timings.ms(cached.p50()), "-", true, String.format(Locale.ROOT,
                        "-XX:AOTCacheOutput training run, then -XX:AOTCache; %.2fx; cache %d MB; median of %d",
                        cached.p50() / plain.p50(), Files.size(aot) / (1024 * 1024), RUNS)));
            } else {
                rows.add(new BenchResult("start-up: Haven with AOT cache", "no cache written", "-", true, "training run wrote no file"));
            }
        } catch (IOException | IllegalStateException e) {
            rows.add(new BenchResult("start-up: Haven with AOT cache", "failed", "-", true, e.getMessage()));
        }
        return rows;
    }

    private String classPath = System.getProperty("java.class.path");

    /** The class path with a classes directory replaced by the jar built beside it, or null. */
    static String jarClassPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                out.add(entry);
                continue;
            }
            if (!p.getFileName().toString().equals("classes")) return null;
            try (var files = Files.list(p.getParent())) {
                Path jar = files.filter(f -> f.getFileName().toString().matches("haven-.*\\.jar")).findFirst().orElse(null);
                if (jar == null) return null;
                out.add(jar.toString());
            } catch (IOException e) {
                return null;
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /** Starts a child JVM and returns the nanoseconds until it printed the window-shown marker. */
    long start(List<String> mainAndArgs, List<String> extraFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(inheritedFlags());
        cmd.addAll(extraFlags);
        cmd.add("-Dglass.platform=Headless");
        cmd.add("-Dprism.order=sw");
        cmd.add("-D" + StartupProbe.PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("HAVEN_HOME", home.toString());
        env.put("HAVEN_USER", user);
        env.put("HAVEN_PASSWORD", new String(password));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(StartupProbe.MARKER)) {
                    long elapsed = System.nanoTime() - t0;
                    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) p.destroyForcibly();
                    return elapsed;
                }
            }
        } finally {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        throw new IllegalStateException("the child JVM exited (" + p.exitValue() + ") without showing a window");
    }

    /** This JVM's own flags, minus agents and debugging, so the children run like the app does. */
    private static List<String> inheritedFlags() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-agentlib") || arg.startsWith("-javaagent") || arg.startsWith("-XX:StartFlightRecording")
                    || arg.startsWith("-XX:AOTCache") || arg.startsWith("-Dglass.") || arg.startsWith("-Dprism.")
                    || arg.startsWith("-D" + StartupProbe.PROPERTY)) {
                continue;
            }
            flags.add(arg);
        }
        return flags;
    }
}

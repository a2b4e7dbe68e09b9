package org.haven.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.bench.BenchStep.BenchResult;
import org.haven.core.security.KeyFile;

/**
 * Cold start to the first window, in child JVMs started like the bench itself (same java, class
 * path and flags) with the headless glass platform, each timed from process start to the marker
 * {@link StartupProbe} prints:
 * <ol>
 *   <li>Haven's first window (the login screen, no credentials) against a bare JavaFX window;</li>
 *   <li>Haven's main window after unlocking with HAVEN_USER / HAVEN_PASSWORD against the same bare window;</li>
 *   <li>the Argon2id key derivation alone, in a fresh JVM (first call, as a cold start pays it) and in
 *       this warm one, and a whole unlock in this JVM (derivation, open, schema check): what separates 1 and 2;</li>
 *   <li>from the built jars (the AOT cache refuses class-path directories), all three without and
 *       with a JDK AOT cache of their own, trained on one start each: the same comparison
 *       "started the same way" as a package with a cache would start.</li>
 * </ol>
 * Haven and the bare window alternate run by run, so load from other processes hits both alike.
 */
public final class StartupBench {
    static final int RUNS = 5;
    static final String GOAL = "<= 1.5x";
    private static final long TIMEOUT_S = 120;
    private static final String HEADLESS = "headless glass (-Dglass.platform=Headless -Dprism.order=sw)";

    private final Path home;
    private final String user;
    private final char[] password;
    private final Path workDir;
    private final int runs;
    private String classPath = System.getProperty("java.class.path");

    public StartupBench(Path home, String user, char[] password, Path workDir) {
        this(home, user, password, workDir, RUNS);
    }

    StartupBench(Path home, String user, char[] password, Path workDir, int runs) {
        this.home = home;
        this.user = user;
        this.password = password;
        this.workDir = workDir;
        this.runs = runs;
    }

    private static final List<String> HAVEN = List.of("org.haven.Main");
    private static final List<String> BARE = List.of(BareWindow.Launcher.class.getName());
    private static final List<String> LOGIN = List.of("-D" + StartupProbe.TARGET_PROPERTY + "=login");
    private static final List<String> MAIN = List.of("-D" + StartupProbe.TARGET_PROPERTY + "=main");

    /** One child start: nanoseconds to the marker, and to each intermediate mark. */
    record Start(long nanos, Map<String, Long> marks, List<String> lines) {}

    public List<BenchResult> run() throws Exception {
        List<BenchResult> rows = new ArrayList<>();
        start(HAVEN, MAIN); // warm the OS file cache once, not counted
        Timings bare = new Timings();
        Timings login = new Timings();
        Timings main = new Timings();
        Timings mainLoginShown = new Timings();
        Timings mainUnlocked = new Timings();
        for (int i = 0; i < runs; i++) {
            bare.add(start(BARE, List.of()).nanos());
            login.add(start(HAVEN, LOGIN).nanos());
            Start s = start(HAVEN, MAIN);
            main.add(s.nanos());
            addMark(mainLoginShown, s, "login screen shown");
            addMark(mainUnlocked, s, "unlocked");
        }
        String median = " (median of " + runs + ")";
        rows.add(new BenchResult("start-up: bare JavaFX window", Timings.ms(bare.p50()) + median, "-", true,
                "the baseline: one Label in an 800x600 window; same java, class path and flags; " + HEADLESS));
        rows.add(new BenchResult("start-up to the login screen: Haven", Timings.ms(login.p50()) + median, "-", true,
                "the first window a user sees (no credentials given): theme, fonts, language, login form"));
        rows.add(ratio("start-up: Haven login screen / bare window", login, bare, "first window against first window"));
        rows.add(new BenchResult("start-up to the main window after unlock: Haven", Timings.ms(main.p50()) + median, "-", true,
                String.format(Locale.ROOT, "logs in at once with HAVEN_USER/HAVEN_PASSWORD; login screen shown at %s, "
                        + "unlocked (key derivation, open, schema check) at %s, then the case list's first page and count",
                        Timings.ms(mainLoginShown.p50()), Timings.ms(mainUnlocked.p50()))));
        rows.add(ratio("start-up: Haven main window after unlock / bare window", main, bare,
                "includes the unlock: the Argon2id key derivation (rows below) runs in a cold JVM while the login screen is still being drawn"));
        rows.addAll(inProcess());
        rows.addAll(fromJars());
        return rows;
    }

    private static void addMark(Timings t, Start s, String mark) {
        Long n = s.marks().get(mark);
        if (n != null) t.add(n);
    }

    private static BenchResult ratio(String measure, Timings a, Timings b, String note) {
        double r = a.p50() / b.p50();
        return new BenchResult(measure, String.format(Locale.ROOT, "%.2fx", r), GOAL, r <= 1.5, note + "; ratio of medians");
    }

    /** The unlock's parts in this (warm) JVM: the key derivation alone, and a whole log-in with open and schema check. */
    private List<BenchResult> inProcess() {
        List<BenchResult> rows = new ArrayList<>();
        Timings derive = new Timings();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            KeyFile.deriveOnceForTiming(password);
            derive.add(System.nanoTime() - t0);
        }
        rows.add(new BenchResult("unlock: Argon2id key derivation alone (in-process)", Timings.ms(derive.p50()) + " (median of " + runs + ")",
                "-", true, "Argon2id " + KeyFile.costDescription() + " (Bouncy Castle, one thread); a warm JVM: a cold start pays more "
                        + "while the code is still interpreted"));
        Timings cold = new Timings();
        Timings warm = new Timings();
        for (int i = 0; i < Math.min(3, runs); i++) {
            try {
                String[] ms = start(List.of(KeyDerivationProbe.class.getName()), List.of()).lines().stream()
                        .filter(l -> l.startsWith(KeyDerivationProbe.PREFIX)).findFirst().orElseThrow()
                        .substring(KeyDerivationProbe.PREFIX.length()).split(" ");
                cold.add(Long.parseLong(ms[0]) * 1_000_000);
                warm.add(Long.parseLong(ms[ms.length - 1]) * 1_000_000);
            } catch (IOException | InterruptedException | RuntimeException e) {
                break;
            }
        }
        if (cold.size() > 0) {
            rows.add(new BenchResult("unlock: Argon2id key derivation in a fresh JVM, first / third call",
                    Timings.ms(cold.p50()) + " / " + Timings.ms(warm.p50()) + " (median of " + cold.size() + ")", "-", true,
                    "a child JVM with nothing else to do; the first call is what a cold start pays (interpreted, then compiled)"));
        }
        Timings unlock = new Timings();
        int n = Math.min(3, runs);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (Haven haven = Haven.login(home, user, password)) {
                unlock.add(System.nanoTime() - t0);
            }
        }
        rows.add(new BenchResult("unlock: whole log-in (in-process)", Timings.ms(unlock.p50()) + " (median of " + n + ")", "-", true,
                "Haven.login: key derivation, opening the encrypted database, schema check (Flyway skipped when up to date); warm JVM"));
        return rows;
    }

    /** Haven (login screen, main window) and the bare window from the built jars, without and with their own AOT caches. */
    private List<BenchResult> fromJars() {
        List<BenchResult> rows = new ArrayList<>();
        // The AOT cache needs a class path of jars only (no directories): use the built jar, as a package does.
        String jars = jarClassPath();
        if (jars == null) {
            rows.add(new BenchResult("start-up from jars with AOT cache", "not measured", "-", true,
                    "the class path holds a directory and no built jar was found (run ./mvnw package)"));
            return rows;
        }
        String saved = classPath;
        try {
            classPath = jars;
            Path havenAot = workDir.resolve("haven.aot");
            Path bareAot = workDir.resolve("bare.aot");
            Files.deleteIfExists(havenAot);
            Files.deleteIfExists(bareAot);
            // Training runs; the JVM writes each cache at exit. Haven's is trained on a start to the main window.
            start(HAVEN, concat(MAIN, List.of("-XX:AOTCacheOutput=" + havenAot)));
            start(BARE, List.of("-XX:AOTCacheOutput=" + bareAot));
            if (!Files.isRegularFile(havenAot) || !Files.isRegularFile(bareAot)) {
                rows.add(new BenchResult("start-up from jars with AOT cache", "no cache written", "-", true, "a training run wrote no file"));
                return rows;
            }
            List<String> havenCache = List.of("-XX:AOTCache=" + havenAot);
            List<String> bareCache = List.of("-XX:AOTCache=" + bareAot);
            Timings bare = new Timings();
            Timings bareCached = new Timings();
            Timings login = new Timings();
            Timings loginCached = new Timings();
            Timings main = new Timings();
            Timings mainCached = new Timings();
            for (int i = 0; i < runs; i++) {
                bare.add(start(BARE, List.of()).nanos());
                bareCached.add(start(BARE, bareCache).nanos());
                login.add(start(HAVEN, LOGIN).nanos());
                loginCached.add(start(HAVEN, concat(LOGIN, havenCache)).nanos());
                main.add(start(HAVEN, MAIN).nanos());
                mainCached.add(start(HAVEN, concat(MAIN, havenCache)).nanos());
            }
            String how = "-XX:AOTCacheOutput training run (one start), then -XX:AOTCache; median of " + runs;
            rows.add(withWithout("start-up from jars: bare window without / with its AOT cache", bare, bareCached,
                    how + "; cache " + mb(bareAot)));
            rows.add(withWithout("start-up from jars: Haven login screen without / with AOT cache", login, loginCached,
                    how + "; Haven's cache (trained to the main window) " + mb(havenAot)));
            rows.add(withWithout("start-up from jars: Haven main window after unlock without / with AOT cache", main, mainCached,
                    how + "; same cache"));
            rows.add(ratio("start-up from jars, both with AOT caches: Haven login screen / bare window", loginCached, bareCached,
                    "each with its own cache"));
            rows.add(ratio("start-up from jars, both with AOT caches: Haven main window after unlock / bare window", mainCached, bareCached,
                    "each with its own cache; includes the key derivation"));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            rows.add(new BenchResult("start-up from jars with AOT cache", "failed", "-", true, e.getMessage()));
        } finally {
            classPath = saved;
        }
        return rows;
    }

    private static BenchResult withWithout(String measure, Timings plain, Timings cached, String note) {
        return new BenchResult(measure, Timings.ms(plain.p50()) + " / " + Timings.ms(cached.p50()), "-", true,
                String.format(Locale.ROOT, "with cache %.2fx of without; %s", cached.p50() / plain.p50(), note));
    }

    private static String mb(Path file) throws IOException {
        return Files.size(file) / (1024 * 1024) + " MB";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The class path with a classes directory replaced by the two jars built beside it (product, benchmark), or null. */
    static String jarClassPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                out.add(entry);
                continue;
            }
            if (!p.getFileName().toString().equals("classes")) return null;
            // The product's jar and, beside it, the benchmark's own (its start-up hook), as ./mvnw package builds them.
            try (var files = Files.list(p.getParent())) {
                List<Path> jars = files.filter(f -> f.getFileName().toString().matches("haven-[^-]+(-bench)?\\.jar")).sorted().toList();
                if (jars.size() != 2) return null;
                jars.forEach(j -> out.add(j.toString()));
            } catch (IOException e) {
                return null;
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /** Starts a child JVM and returns the time until it printed the window-shown marker (and its marks). */
    Start start(List<String> mainAndArgs, List<String> extraFlags) throws IOException, InterruptedException {
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
        Map<String, Long> marks = new HashMap<>();
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("haven-bench: ")) lines.add(line);
                if (line.startsWith(StartupProbe.MARK)) {
                    marks.putIfAbsent(line.substring(StartupProbe.MARK.length()), System.nanoTime() - t0);
                } else if (line.startsWith(StartupProbe.MARKER)) {
                    long elapsed = System.nanoTime() - t0;
                    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) p.destroyForcibly();
                    return new Start(elapsed, marks, lines);
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
                    || arg.startsWith("-Dhaven.bench.")) {
                continue;
            }
            flags.add(arg);
        }
        return flags;
    }
}

package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, items 3, 7 and 11: output files never land in the data folder or over a file silently,
 * commands that read never create a database, --help works everywhere, blank passwords and a reset
 * password's must-change flag are honoured. Each run is a real JVM, as a script would see it.
 */
class OutputAndFolderCliTest {
    @TempDir Path dir;


    HavenCli.Run haven(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, "boss", "secret-pass-123").run(env, args);
    }

    HavenCli.Run haven(String... args) throws IOException, InterruptedException {
        return haven(Map.of(), args);
    }

    static void assertOneLine(HavenCli.Run r) {
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void outputPathsInsideTheDataFolderExistingFilesDevicesAndEmptyNamesAreRefused() throws Exception {
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        Path home = dir.resolve("home");
        Path keys = home.resolve("haven.keys");
        Path db = home.resolve("haven.mv.db");
        byte[] keysBefore = Files.readAllBytes(keys);
        byte[] dbBefore = Files.readAllBytes(db);

        HavenCli.Run overKeys = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", keys.toString(), "--force");
        assertThat(overKeys.exit()).isEqualTo(2);
        assertThat(overKeys.err()).contains("inside the data folder");
        assertOneLine(overKeys);

        HavenCli.Run overDb = haven("backup", "-o", db.toString(), "--force");
        assertThat(overDb.exit()).isEqualTo(2);
        // through `..` and through a link to the folder
        Path link = Files.createSymbolicLink(dir.resolve("link"), home);
        assertThat(haven("summary", "--operation", "X", "--audience", "court", "--consent-override", "tests: consent not recorded", "-o", link.resolve("haven.mv.db").toString(), "--force").exit()).isEqualTo(2);
        assertThat(haven("export", "--anonymized", "-o", dir.resolve("elsewhere/../home/new.csv").toString()).exit()).isEqualTo(2);
        assertThat(haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", link.resolve("new.csv").toString()).exit()).isEqualTo(2);
        assertThat(Files.readAllBytes(keys)).isEqualTo(keysBefore);
        assertThat(haven("stats").exit()).isZero();

        HavenCli.Run device = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", "/dev/null", "--force");
        assertThat(device.exit()).isEqualTo(2);
        assertThat(device.err()).contains("not a regular file");

        HavenCli.Run empty = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", "");
        assertThat(empty.exit()).isEqualTo(2);
        assertOneLine(empty);
        assertThat(haven("backup", "-o", "").exit()).isEqualTo(2);

        Path existing = Files.writeString(dir.resolve("existing.csv"), "keep me");
        HavenCli.Run noForce = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", existing.toString());
        assertThat(noForce.exit()).isEqualTo(2);
        assertThat(noForce.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        Path existingBackup = Files.writeString(dir.resolve("b.haven"), "keep me");
        assertThat(haven("backup", "-o", existingBackup.toString()).exit()).isEqualTo(2);
        assertThat(Files.readString(existingBackup)).isEqualTo("keep me");

        HavenCli.Run forced = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", existing.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(existing)).startsWith("\uFEFFcase_number");
    }

    @Test
    void commandsOtherThanInitNeverCreateADatabase() throws Exception {
        Path typo = dir.resolve("typo");
        Map<String, String> env = Map.of("HAVEN_HOME", typo.toString());
        for (List<String> args : List.of(List.of("stats"), List.of("demo", "--people", "5"), List.of("search", "x"),
                List.of("audit", "verify"), List.of("user", "list"))) {
            HavenCli.Run r = haven(env, args.toArray(String[]::new));
            assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("haven: no Haven database in " + typo + ": check HAVEN_HOME or run init");
            assertThat(typo).as(args.toString()).doesNotExist();
        }
        assertThat(haven(env, "init", "--admin", "boss").exit()).isZero();
        assertThat(haven(env, "demo", "--people", "5").exit()).isZero();
    }

    @Test
    void helpWorksOnEverySubcommandWithoutCredentials() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HAVEN_USER", null);
        env.put("HAVEN_PASSWORD", null);
        // Every command and subcommand picocli knows (a new one is covered without editing this list),
        // in process: picocli prints the help before any of the command's own code runs.
        List<List<String>> commands = new ArrayList<>();
        collect(HavenCommand.commandLine(), List.of(), commands);
        assertThat(commands).hasSizeGreaterThan(25).contains(List.of("import"), List.of("user", "add"), List.of("serve"), List.of("join"), List.of("bench"));
        for (List<String> c : commands) {
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cli = HavenCommand.commandLine();
            cli.setOut(new java.io.PrintWriter(out, true));
            cli.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            assertThat(cli.execute(args.toArray(String[]::new))).as(c.toString()).isZero();
            assertThat(out.toString()).as(c.toString()).contains("Usage:");
        }
        // And as a script runs it, with no credentials: a separate JVM per command.
        for (List<String> c : List.of(List.of("import"), List.of("user", "add"), List.of("summary"))) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            HavenCli.Run r = haven(env, args.toArray(String[]::new));
            assertThat(r.exit()).as(c + ": " + r.err()).isZero();
            assertThat(r.out()).as(c.toString()).contains("Usage:");
        }
        assertThat(dir.resolve("home")).doesNotExist();
    }

    private static void collect(picocli.CommandLine command, List<String> path, List<List<String>> into) {
        java.util.Set<picocli.CommandLine> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (var entry : command.getSubcommands().entrySet()) {
            if (!seen.add(entry.getValue())) continue; // an alias of one already listed
            List<String> sub = new ArrayList<>(path);
            sub.add(entry.getValue().getCommandName());
            into.add(sub);
            collect(entry.getValue(), sub, into);
        }
    }

    @Test
    void blankPasswordsAreRefusedAndAResetPasswordMustBeChangedFirst() throws Exception {
        HavenCli.Run blankInit = haven(Map.of("HAVEN_PASSWORD", "          "), "init", "--admin", "boss");
        assertThat(blankInit.exit()).isEqualTo(2);
        assertThat(blankInit.err()).contains("only spaces");
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        HavenCli.Run blankUser = haven(Map.of("HAVEN_NEW_PASSWORD", "            "), "user", "add", "ana", "--role", "caseworker");
        assertThat(blankUser.exit()).as(blankUser.err()).isEqualTo(2);

        assertThat(haven(Map.of("HAVEN_NEW_PASSWORD", "first-pass-123"), "user", "add", "ana", "--role", "caseworker").exit()).isZero();
        assertThat(haven(Map.of("HAVEN_NEW_PASSWORD", "            "), "user", "reset-password", "ana").exit()).isEqualTo(2);
        assertThat(haven(Map.of("HAVEN_NEW_PASSWORD", "temporary-123"), "user", "reset-password", "ana").exit()).isZero();

        Map<String, String> ana = Map.of("HAVEN_USER", "ana", "HAVEN_PASSWORD", "temporary-123");
        HavenCli.Run blocked = haven(ana, "search", "x");
        assertThat(blocked.exit()).isEqualTo(3);
        assertThat(blocked.err()).contains("haven user passwd");
        assertOneLine(blocked);

        Map<String, String> change = new HashMap<>(ana);
        change.put("HAVEN_NEW_PASSWORD", "           ");
        assertThat(haven(change, "user", "passwd").exit()).isEqualTo(2);
        change.put("HAVEN_NEW_PASSWORD", "anas-own-pass-1");
        HavenCli.Run changed = haven(change, "user", "passwd");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(haven(Map.of("HAVEN_USER", "ana", "HAVEN_PASSWORD", "anas-own-pass-1"), "search", "x").exit()).isZero();
    }

    @Test
    void aDataFolderWithASemicolonIsRefusedAndTheWindowWithoutADisplaySaysSo() throws Exception {
        Path odd = dir.resolve("a;b");
        HavenCli.Run semicolon = haven(Map.of("HAVEN_HOME", odd.toString()), "init", "--admin", "boss");
        assertThat(semicolon.exit()).isEqualTo(2);
        assertThat(semicolon.err()).contains("';'");
        assertOneLine(semicolon);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("a"))).isEmpty();
        }

        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        for (String[] args : new String[][] {{}, {"gui"}}) {
            HavenCli.Run r = haven(noDisplay, args);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("haven: no display: run on a desktop or use xvfb-run -a ./haven");
        }
    }

    /**
     * The installer trains its start-up cache with JavaFX's headless platform, which needs no display:
     * the window starts, shows its first screen and, asked to, exits normally, creating nothing.
     */
    @Test
    void theHeadlessWindowStartsWithoutADisplayAndCanExitAfterItsFirstScreen() throws Exception {
        Path home = dir.resolve("headless-home");
        List<String> cmd = new ArrayList<>(List.of(HavenCli.JAVA, "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-D" + org.haven.gui.shell.HavenApp.EXIT_AFTER_FIRST_WINDOW + "=true", "-cp",
                "target/classes" + java.io.File.pathSeparator + Files.readString(Path.of("target/classpath.txt")).strip(), "org.haven.Main"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("HAVEN_HOME", home.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("headless.out").toFile());
        Process window = pb.start();
        try {
            assertThat(window.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("exits once its first screen is shown").isTrue();
            assertThat(window.exitValue()).as(Files.readString(dir.resolve("headless.out"))).isZero();
            assertThat(Files.readString(dir.resolve("headless.out"))).doesNotContain("no display").doesNotContain("Exception");
            assertThat(org.haven.core.security.Accounts.isInitialized(home)).as("the first-run screen creates nothing by itself").isFalse();
        } finally {
            window.destroyForcibly();
        }
    }
}

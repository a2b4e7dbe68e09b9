package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./haven` from outside on the office database: the same script of commands on the embedded H2
 * database and on a real PostgreSQL (HAVEN_DB_URL, service account from the environment) gives
 * the same results.
 */
class OfficeCliTest {
    @TempDir Path dir;

    record Result(int exit, String out, String err) {}

    @Test
    void theSameCommandsGiveTheSameResultsOnH2AndOnPostgres() throws Exception {
        Path csv = dir.resolve("police.csv");
        Files.writeString(csv, "Full name,Native name,Sex,DOB,Nationality,Document status\n"
                + "Nguyen Thi Lan,Nguyễn Thị Lan,F,1999-03-04,VN,confiscated\n"
                + "Sok Dara,សុខ ដារ៉ា,M,,KH,lost\n", StandardCharsets.UTF_8);
        Map<String, String> h2 = script(Map.of("HAVEN_HOME", dir.resolve("h2home").toString()),
                Map.of("HAVEN_HOME", dir.resolve("h2restored").toString()), "h2");
        Map<String, String> pg = script(office("pghome", TestPostgres.newDatabaseUrl()), office("pgrestored", TestPostgres.newDatabaseUrl()), "pg");
        assertThat(pg.keySet()).containsExactlyElementsOf(h2.keySet());
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String step : h2.keySet()) {
            // case numbers carry each database's own random code (HVN-2026-K7Q-000001): compared without it
            soft.assertThat(sameCode(pg.get(step))).as(step).isEqualTo(sameCode(h2.get(step)));
        }
        soft.assertAll();
        // the office database leaves no data in the data folder
        assertThat(dir.resolve("pghome").resolve("haven.mv.db")).doesNotExist();
        assertThat(dir.resolve("pghome").resolve("haven.keys")).doesNotExist();
    }

    private Map<String, String> office(String home, String url) {
        return Map.of("HAVEN_HOME", dir.resolve(home).toString(), "HAVEN_DB_URL", url, "HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", "");
    }

    /** Runs the script; each step's exit code and output (outputs files read back, sorted where row order is free). */
    private Map<String, String> script(Map<String, String> env, Map<String, String> restoreEnv, String tag) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Path csv = dir.resolve("police.csv");
        Result init = run(env, "init", "--admin", "admin");
        out.put("init", init.exit() + "");
        assertThat(init.exit()).as(init.err()).isZero();
        put(out, "user add", run(env, "user", "add", "mai", "--role", "caseworker"));
        put(out, "demo", run(env, "demo", "--people", "300"));
        put(out, "stats", run(env, "stats"));
        put(out, "search", run(env, "search", "Nguyen", "--limit", "20"));
        put(out, "search prefix", run(env, "search", "so", "--limit", "20"));
        Result imported = run(env, "import", csv.toString(), "--new-operation", "Raid Bavet", "--allow-duplicates");
        put(out, "import", imported);
        put(out, "stats after import", run(env, "stats"));
        put(out, "match", run(env, "match", "--name", "Nguyen Thi Lan", "--dob", "1999-03-04", "--nationality", "VN"));
        String someCase = run(env, "search", "Nguyen Thi Lan", "--limit", "1").out().split("\t")[0];
        Path pdf = dir.resolve(tag + "-summary.pdf");
        Result summary = run(env, "summary", "--case", someCase, "--audience", "internal", "-o", pdf.toString());
        out.put("summary", summary.exit() + " " + (Files.isRegularFile(pdf) && Files.size(pdf) > 1000));
        Path anon = dir.resolve(tag + "-anon.csv");
        // its first column is a pseudonym made with a fresh random key per export: compared without it
        out.put("export anonymized", run(env, "export", "--anonymized", "-o", anon.toString()).exit() + "\n"
                + sorted(sortedLines(anon).replaceAll("(?m)^[^,]*,", "")));
        Path ident = dir.resolve(tag + "-ident.csv");
        out.put("export identified", run(env, "export", "--identified", "--consent-override", "tests: consent not recorded", "-o", ident.toString()).exit() + "\n" + sortedLines(ident));
        Result audit = run(env, "audit", "verify");
        out.put("audit verify", audit.exit() + "");
        Path backup = dir.resolve(tag + ".havenbackup");
        out.put("backup", run(env, "backup", "-o", backup.toString()).exit() + "");
        out.put("restore", run(restoreEnv, "restore", backup.toString()).exit() + "");
        put(out, "stats after restore", run(restoreEnv, "stats"));
        out.put("audit verify after restore", run(restoreEnv, "audit", "verify").exit() + "");
        return out;
    }

    private static String sameCode(String text) {
        return text.replaceAll("HVN-(\\d{4})-[A-Z2-9]{3}-", "HVN-$1-XXX-");
    }

    private static void put(Map<String, String> out, String step, Result r) {
        // the embedded file's compaction notice is its own (the server has no file to compact)
        out.put(step, r.exit() + "\n" + r.out() + "\n" + r.err().replaceAll("created operation \\S+", "created operation X")
                .replace("haven: compacting the database file (old copies of changed pages)...\n", ""));
    }

    private static String sorted(String text) {
        return String.join("\n", text.lines().sorted().toList());
    }

    private static String sortedLines(Path file) throws Exception {
        if (!Files.isRegularFile(file)) return "(no file)";
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        java.util.Collections.sort(lines);
        return String.join("\n", lines);
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        // the JVM ./haven starts, with the quick-start flags of every CLI test: 34 runs here
        List<String> command = HavenCli.command(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().remove("HAVEN_DB_URL");
        pb.environment().putAll(env);
        pb.environment().put("HAVEN_USER", "admin");
        pb.environment().put("HAVEN_PASSWORD", "correct-horse-battery-staple");
        pb.environment().put("HAVEN_NEW_PASSWORD", "mai-password-long");
        Path o = dir.resolve("out.txt");
        Path e = dir.resolve("err.txt");
        pb.redirectOutput(o.toFile()).redirectError(e.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("haven did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(o, StandardCharsets.UTF_8), Files.readString(e, StandardCharsets.UTF_8));
    }
}

package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./haven import` as IT staff run it: a subprocess, credentials from the environment. */
class ImportCommandTest {
    @TempDir Path dir;

    record Result(int exit, String out, String err) {}

    /** Issue 14: the help said "in one transaction", but a large list is written in parts under a pending mark. */
    @Test
    void helpSaysHowALargeListIsWritten() throws Exception {
        Result help = haven("import", "--help");
        assertThat(help.exit()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).doesNotContain("same transaction").doesNotContain("under an operation, in one transaction")
                .contains("parts of 1,000 rows").contains("pending mark").contains("killed at the next login")
                .contains("removed with the import if it does not finish");
    }

    @Test
    void importCommandExitCodesAndOutput() throws Exception {
        Path good = write("good.csv", "Full name,Native name,Sex,DOB,Nationality,Document status\n"
                + "Nguyen Thi Lan,Nguyễn Thị Lan,F,1999-03-04,VN,confiscated\n"
                + "Sok Dara,សុខ ដារ៉ា,M,,KH,lost\n");
        Path bad = write("bad.csv", "name,sex,dob,document status\nA Person,F,2999-01-01,held\nB Person,F,,held\nC Person,?x,,held\n");

        assertThat(haven("init", "--admin", "admin").exit()).isZero(); // only init creates a database
        Result dry = haven("import", good.toString(), "--new-operation", "Raid Bavet", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).isEqualTo("would import 2\n");

        Result first = haven("import", good.toString(), "--new-operation", "Raid Bavet");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("imported 2\n");

        Result refused = haven("import", bad.toString(), "--operation", first.err().replaceAll("(?s).*created operation (\\S+).*", "$1"));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines().toList()).startsWith(
                "row 2: date_of_birth: cannot be in the future",
                "row 4: sex: not a known value (male, female, transgender/nonconforming, unknown)");
        assertThat(refused.err()).contains("nothing was imported").doesNotContain("2999", "Exception");

        Result stats = haven("stats");
        assertThat(stats.out()).contains("people\t2");

        Result skipped = haven("import", bad.toString(), "--new-operation", "Raid Poipet", "--skip-invalid");
        assertThat(skipped.exit()).isZero();
        assertThat(skipped.out()).isEqualTo("imported 1\n");
        assertThat(skipped.err()).contains("row 2: date_of_birth", "row 4: sex");

        Path allBad = write("allbad.csv", "name,sex,document status\nA,Q,held\n");
        Result none = haven("import", allBad.toString(), "--new-operation", "Raid Nothing", "--skip-invalid");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("row 2: sex: not a known value").contains("no row of the file is valid");

        Result malformed = haven("import", write("empty.csv", "").toString(), "--new-operation", "X");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err().lines().toList()).containsExactly("haven: The file is empty: there is nothing to import.");

        Result usage = haven("import", good.toString());
        assertThat(usage.exit()).isEqualTo(2);

        Result wrongPassword = run(List.of("import", good.toString(), "--new-operation", "X"), "not-the-password");
        assertThat(wrongPassword.exit()).isEqualTo(3);
        assertThat(haven("stats").out()).contains("people\t3");
    }

    private Result haven(String... args) throws Exception {
        return run(List.of(args), "correct-horse-battery-staple");
    }

    private Result run(List<String> args, String password) throws Exception {
        HavenCli.Run r = new HavenCli(dir, "admin", password).script(args.toArray(String[]::new));
        return new Result(r.exit(), r.out(), r.err());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

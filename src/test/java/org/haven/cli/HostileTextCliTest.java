package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 10: names that attack a terminal or hide themselves are refused at import; notes keep
 * tab and newline; Khmer and Myanmar names with joiners import; text already stored prints escaped.
 */
class HostileTextCliTest {
    static final String PASSWORD = new String(TestHaven.PASSWORD);
    @TempDir Path dir;

    record Result(int exit, String out, String err) {}

    @Test
    void controlCharactersBidiOverridesAndInvisibleNamesAreRefusedRowByRowAndNothingIsImported() throws Exception {
        TestHaven.create(home()).close();
        Path bad = write("bad.csv", "name,sex,document status,notes\n"
                + "\"Sok\u001b[2J Dara\",M,held,\n"          // row 2: ESC (a terminal escape sequence)
                + "\"CASE-0001\rNguyen Lan\",F,held,\n"      // row 3: CR that overwrites the line on screen
                + "\"Li \u202eeciffo\",F,held,\n"            // row 4: right-to-left override
                + "\"\u200b\u200b\ufeff\",F,held,\n"         // row 5: only zero-width characters
                + "Good Person,F,held,\"line one\u0007\"\n"  // row 6: BEL in the notes
                + "Fine Person,F,held,\n");
        Result refused = haven("import", bad.toString(), "--new-operation", "Raid X");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).contains(
                "row 2: name_latin: contains control or hidden formatting characters",
                "row 3: name_latin: contains control or hidden formatting characters",
                "row 4: name_latin: contains control or hidden formatting characters",
                "row 5: name_latin: contains only invisible characters",
                "row 6: notes: contains control or hidden formatting characters");
        assertThat(refused.err()).contains("nothing was imported").doesNotContain("\u001b", "\r", "\u202e", "Sok", "Nguyen");
        Path fine = write("fine.csv", "name,sex,document status\nFine Person,F,held\n");
        Result badOperation = haven("import", fine.toString(), "--new-operation", "Raid\u001b[2J");
        assertThat(badOperation.exit()).isEqualTo(2);
        assertThat(badOperation.err()).contains("operation name must be visible plain text").doesNotContain("\u001b");
        assertThat(haven("stats").out()).contains("people\t0");
    }

    @Test
    void notesKeepTabsAndNewlinesAndNamesWithJoinersImport() throws Exception {
        TestHaven.create(home()).close();
        String khmer = "\u179f\u17ca\u17bb\u1793 \u179f\u17d2\u200b\u179a\u17b8";        // with a zero-width space between words
        String khmerZwj = "\u1780\u17d2\u200d\u179a\u17bb\u1798";                            // zero-width joiner inside a word
        String myanmar = "\u1019\u1004\u103a\u200c\u1038\u1021\u1031\u102c\u1004\u103a";  // zero-width non-joiner inside a word
        Path good = write("good.csv", "name,native name,sex,document status,notes\n"
                + "Sok Dara," + khmer + ",M,held,\"first line\nsecond\tindented\"\n"
                + "Krom Sopheap," + khmerZwj + ",F,held,\n"
                + "Min Aung," + myanmar + ",M,held,\n");
        Result imported = haven("import", good.toString(), "--new-operation", "Raid Y");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 3\n");

        try (Haven h = TestHaven.login(home())) {
            var dsl = h.database().dsl();
            assertThat(dsl.select(PERSON.NOTES).from(PERSON).where(PERSON.NAME_LATIN.eq("Sok Dara")).fetchOne(PERSON.NOTES))
                    .isEqualTo("first line\nsecond\tindented");
            assertThat(dsl.fetchCount(PERSON, PERSON.NAME_NATIVE.in(khmer, khmerZwj, myanmar))).isEqualTo(3);
        }
        assertThat(haven("search", "Min Aung").out()).contains("\t" + myanmar + "\t");
    }

    @Test
    void controlCharactersAlreadyStoredPrintEscapedInSearch() throws Exception {
        String hostile = "Evil\u001b[2J\rCASE-9999\u202eName\u009b";
        try (Haven h = TestHaven.create(home())) {
            CaseFile c = h.cases().register(TestHaven.newCase(TestHaven.person("Placeholder Name", "Placeholder")));
            // As an older version or a direct edit could have stored it: past every validator.
            h.database().dsl().update(PERSON).set(PERSON.NAME_LATIN, hostile).set(PERSON.NAME_NATIVE, "Evil\ttab").where(PERSON.ID.eq(c.personId())).execute();
            h.database().dsl().update(CASE_FILE).set(CASE_FILE.PERSON_NAME, hostile).where(CASE_FILE.ID.eq(c.id())).execute();
        }
        Result search = haven("search", "", "--limit", "10");
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).doesNotContain("\u001b", "\r", "\u202e", "\u009b");
        assertThat(search.out().lines().toList()).hasSize(2);
        assertThat(search.out().lines().toList().get(1))
                .contains("\tEvil\\x1b[2J\\rCASE-9999\\u202eName\\x9b\tEvil\\ttab\t");
    }

    Path home() {
        return dir.resolve("home");
    }

    private Result haven(String... args) throws Exception {
        HavenCli.Run r = HavenCli.onHome(home(), dir, TestHaven.ADMIN, PASSWORD).script(args);
        return new Result(r.exit(), r.out(), r.err());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

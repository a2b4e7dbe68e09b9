package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.DerivedIndexRepository;
import org.haven.core.db.Database;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.Tables;
import org.haven.core.people.Person;
import org.haven.core.security.AuditLog;
import org.haven.testing.TestHaven;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during an import's index write can leave H2's indexes of the search and match tables out
 * of step with their rows (CrashSafetyTest met "Row not found in primary index" at the next login,
 * which then could not remove the killed import, so nobody could log in). Those tables hold only what
 * Haven derives from the people: they are rebuilt, the same rows as the saves wrote, and the import
 * is removed. H2's damage itself cannot be made on purpose here; the removal meets its error instead.
 */
class DamagedIndexRecoveryTest {
    @TempDir Path dir;
    private Haven haven;

    @BeforeEach
    void people() {
        haven = TestHaven.create(dir);
        haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan")));
        haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", "សុខ ដារ៉ា")));
        CaseFile wang = haven.cases().register(TestHaven.newCase(TestHaven.person("Wang Fang", "王芳")));
        // A person with two cases: each case number gets the person's prefixes.
        haven.cases().openNewCaseFor(wang.personId(), TestHaven.newCase(TestHaven.person("Wang Fang", "王芳")));
    }

    @Test
    void aRebuildWritesExactlyTheRowsTheSavesWrote() {
        Database db = haven.database();
        List<String> before = derivedRows(db.dsl());
        // Rows lost and rows left over, as a damaged index would show them.
        db.dsl().deleteFrom(Tables.SEARCH_TOKEN).where(Tables.SEARCH_TOKEN.TOKEN.like("wang%")).execute();
        db.dsl().deleteFrom(Tables.MATCH_KEY).execute();
        db.dsl().insertInto(Tables.SEARCH_PREFIX, Tables.SEARCH_PREFIX.PREFIX, Tables.SEARCH_PREFIX.CASE_NUMBER)
                .select(db.dsl().select(org.jooq.impl.DSL.inline("zz"), Tables.CASE_FILE.CASE_NUMBER).from(Tables.CASE_FILE)).execute();
        assertThat(derivedRows(db.dsl())).isNotEqualTo(before);

        int people = DerivedIndexRepository.rebuildAll(db);

        assertThat(people).isEqualTo(3);
        assertThat(derivedRows(db.dsl())).isEqualTo(before);
        assertThat(haven.cases().search(CaseQuery.text("wang", 10))).hasSize(2);
        assertThat(haven.cases().search(CaseQuery.text("ដារ៉ា", 10))).hasSize(1);
        assertThat(DerivedIndexRepository.rebuildPending(db)).isFalse();
    }

    @Test
    void aKilledImportWhoseRemovalMeetsADamagedIndexIsRemovedAfterTheRebuild() {
        Database db = haven.database();
        UUID importId = leaveAnImportUnfinished(db, "Tran Van Minh");
        List<String> derivedWithoutTheImport = derivedRowsWithout(db, "tran");
        int[] attempts = {0};

        PendingImports.undoRepairingIndexes(db, importId, (d, id) -> {
            if (attempts[0]++ == 0) throw damaged();
            PendingImports.undo(d, id);
        });

        assertThat(attempts[0]).as("removal tried again after the rebuild").isEqualTo(2);
        assertThat(db.dsl().fetchCount(Tables.PENDING_IMPORT)).isZero();
        assertThat(haven.cases().search(CaseQuery.text("tran", 10))).isEmpty();
        assertThat(haven.cases().search(CaseQuery.text("lan", 10))).hasSize(1);
        assertThat(derivedRows(db.dsl())).isEqualTo(derivedWithoutTheImport);
        assertThat(AuditLog.verify(db.dsl()).intact()).isTrue();
    }

    @Test
    void anyOtherFailureOfTheRemovalIsReportedAndRebuildsNothing() {
        Database db = haven.database();
        UUID importId = leaveAnImportUnfinished(db, "Tran Van Minh");
        DataAccessException other = new DataAccessException("disk", new SQLException("No space left on device", "HY000", 90100));

        assertThatThrownBy(() -> PendingImports.undoRepairingIndexes(db, importId, (d, id) -> {
            throw other;
        })).isSameAs(other);
        assertThat(db.dsl().fetchCount(Tables.PENDING_IMPORT)).as("the mark stays for the next login").isOne();
        assertThat(DerivedIndexRepository.rebuildPending(db)).isFalse();
    }

    @Test
    void aRebuildKilledHalfWayIsFinishedAtTheNextLogin() {
        Database db = haven.database();
        List<String> before = derivedRows(db.dsl());
        // What a kill after the tables were emptied leaves: the flag, and empty tables.
        db.dsl().insertInto(Tables.APP_SETTING, Tables.APP_SETTING.SETTING_KEY, Tables.APP_SETTING.SETTING_VALUE)
                .values("derived.rebuild", "started").execute();
        db.dsl().truncate(Tables.SEARCH_TOKEN).execute();
        db.dsl().truncate(Tables.SEARCH_PREFIX).execute();
        haven.close();

        haven = TestHaven.login(dir);

        assertThat(derivedRows(haven.database().dsl())).isEqualTo(before);
        assertThat(haven.cases().search(CaseQuery.text("nguyen", 10))).hasSize(1);
        assertThat(DerivedIndexRepository.rebuildPending(haven.database())).isFalse();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        haven.close();
    }

    /** An import killed after its cases were written: the mark and its list, as a part's commit leaves them. */
    private UUID leaveAnImportUnfinished(Database db, String name) {
        UUID importId = Ids.newId();
        UUID operation = haven.operations().create(new org.haven.core.operations.Operation(null, "OP-T-9", "Raid", java.time.LocalDate.of(2026, 11, 3), "Kandal", null, null, null, null, 0)).id();
        db.inTransactionRun(tx -> PendingImportRepository.begin(tx, importId, operation, false, haven.user()));
        Person p = TestHaven.person(name, null);
        CaseFile c = haven.cases().register(TestHaven.newCase(p));
        db.inTransactionRun(tx -> PendingImportRepository.wrote(tx, importId, c.id(), c.personId()));
        return importId;
    }

    /** The derived rows of everyone but the people whose latin name starts with {@code prefix}, after a rebuild of a copy. */
    private List<String> derivedRowsWithout(Database db, String prefix) {
        List<UUID> theirs = db.dsl().select(Tables.PERSON.ID).from(Tables.PERSON)
                .where(Tables.PERSON.NAME_LATIN.likeIgnoreCase(prefix + "%")).fetch(Tables.PERSON.ID);
        List<String> theirCases = db.dsl().select(Tables.CASE_FILE.CASE_NUMBER).from(Tables.CASE_FILE)
                .where(Tables.CASE_FILE.PERSON_ID.in(theirs)).fetch(Tables.CASE_FILE.CASE_NUMBER);
        return derivedRows(db.dsl()).stream()
                .filter(row -> theirs.stream().noneMatch(id -> row.contains(id.toString())))
                .filter(row -> theirCases.stream().noneMatch(row::contains))
                .toList();
    }

    private static DataAccessException damaged() {
        SQLException h2 = new SQLException("Row \"1\" not found in primary index \"PUBLIC.MATCH_KEY_DATA\"", "HY000", 90143);
        return new DataAccessException("SQL [delete from match_key ...]; Timeout trying to lock table", new SQLException("Timeout", "HYT00", 50200, h2));
    }

    /** Every row of the derived tables and the case list's sort keys, as sorted text. */
    private static List<String> derivedRows(DSLContext dsl) {
        List<String> rows = new java.util.ArrayList<>();
        for (var table : List.of(Tables.SEARCH_TOKEN, Tables.SEARCH_PREFIX, Tables.MATCH_KEY, Tables.MATCH_NAME)) {
            for (var r : dsl.selectFrom(table).fetch()) rows.add(table.getName() + " " + r.intoList());
        }
        for (var r : dsl.select(Tables.CASE_FILE.CASE_NUMBER, Tables.CASE_FILE.PERSON_NAME, Tables.CASE_FILE.PERSON_NATIONALITY).from(Tables.CASE_FILE).fetch()) {
            rows.add("case_file " + r.intoList());
        }
        java.util.Collections.sort(rows);
        return rows;
    }
}

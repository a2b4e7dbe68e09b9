package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseQuery;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list in one script, imported into a new operation: names kept as written, Latin derived and marked, the count filled. */
class OneScriptImportTest {
    @TempDir Path dir;
    Haven haven;
    ImportService service;

    @BeforeEach
    void open() {
        haven = TestHaven.create(dir.resolve("home"));
        service = new ImportService(haven, candidate -> List.of());
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void aChineseListGoesInWithDerivedLatinNamesAndTheNewOperationCountsItsPeople() throws IOException {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, "姓名,性别,年龄\n王小明,男,17\n李娜,女,22\n陈静,女,30\n", StandardCharsets.UTF_8);

        ImportService.Report report = service.importFile(file, null, ImportService.Target.create("Raid Kampot"), false, false);

        assertThat(report.imported()).isEqualTo(3);
        assertThat(haven.operations().findByCode(report.operationCode()).orElseThrow().peopleFound()).isEqualTo(3);
        Person wang = haven.cases().open(haven.cases().search(CaseQuery.text("xiaoming", 5)).getFirst().caseId()).person();
        assertThat(wang.nameNative()).isEqualTo("王小明");
        assertThat(wang.nameLatin()).isEqualTo("Wang Xiaoming");
        assertThat(wang.latinDerived()).isTrue();
        assertThat(wang.typedLatin()).isNull();
        assertThat(wang.sex()).isEqualTo(Sex.MALE);
        assertThat(wang.isMinorOn(java.time.LocalDate.now())).isTrue();
    }

    @Test
    void aTypedLatinNameReplacesTheDerivedOneAndANativeChangeReDerivesIt() throws IOException {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, "姓名,性别\n李娜,女\n", StandardCharsets.UTF_8);
        service.importFile(file, null, ImportService.Target.create("Raid Bavet"), false, false);
        var item = haven.cases().search(CaseQuery.text("li na", 5)).getFirst();
        Person li = haven.cases().open(item.caseId()).person();

        Person renamed = new Person(li.id(), "李静", li.typedLatin(), li.aliases(), li.sex(), li.birthDate(), li.estimatedAge(),
                li.nationality(), li.languages(), li.interpreterNeeded(), li.documentStatus(), li.documentNumber(),
                li.familyContact(), li.notes(), li.version(), li.latinDerived());
        Person saved = haven.cases().updatePerson(item.caseId(), renamed);
        assertThat(saved.nameLatin()).isEqualTo("Li Jing");
        assertThat(saved.latinDerived()).isTrue();

        Person typed = new Person(saved.id(), saved.nameNative(), "Lee Jing", null, saved.sex(), null, null, null, null,
                false, saved.documentStatus(), null, null, null, saved.version());
        Person after = haven.cases().updatePerson(item.caseId(), typed);
        assertThat(after.nameLatin()).isEqualTo("Lee Jing");
        assertThat(after.latinDerived()).isFalse();
        assertThat(after.nameNative()).isEqualTo("李静");
        assertThat(haven.cases().search(CaseQuery.text("lee", 5))).hasSize(1);
    }
}

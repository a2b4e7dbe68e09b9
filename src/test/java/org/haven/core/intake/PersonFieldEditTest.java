package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.haven.core.common.HavenException;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.junit.jupiter.api.Test;

/** FIELD=VALUE edits named as the identified export's columns, read as an import reads values. */
class PersonFieldEditTest {
    static final Person LAN = new Person(java.util.UUID.randomUUID(), "范兰", "Lan Pham", null, Sex.FEMALE, null, 30, "VN",
            "vi", false, DocumentStatus.HELD, "B1234567", null, "first note", 3);

    @Test
    void exportAndImportNamesBothWork() {
        Map<String, String> edits = PersonFieldEdit.parse(List.of("notes=x", "DATE_OF_BIRTH=1994-03-07", "age=", "sex=m",
                "nationality=Cambodia", "interpreter_needed=yes", "document_status=with police"));
        assertThat(edits.keySet()).containsExactly("person_notes", "birth_date", "estimated_age", "sex", "nationality",
                "interpreter_needed", "document_status");
        Person p = PersonFieldEdit.apply(LAN, edits);
        assertThat(p.notes()).isEqualTo("x");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1994, 3, 7));
        assertThat(p.estimatedAge()).isNull();
        assertThat(p.sex()).isEqualTo(Sex.MALE);
        assertThat(p.nationality()).isEqualTo("KH");
        assertThat(p.interpreterNeeded()).isTrue();
        assertThat(p.documentStatus()).isEqualTo(DocumentStatus.WITH_POLICE);
        assertThat(p.version()).as("the edit is based on the version read").isEqualTo(3);
        assertThat(p.nameLatin()).isEqualTo("Lan Pham");
    }

    @Test
    void aMistypedAssignmentNeverEchoesWhatCouldBeAValue() {
        assertThatThrownBy(() -> PersonFieldEdit.parse(List.of("Lan Pham=x")))
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        assertThatThrownBy(() -> PersonFieldEdit.parse(List.of("Lan Pham=x"))).message().doesNotContain("Lan");
        assertThatThrownBy(() -> PersonFieldEdit.parse(List.of("colour=x"))).message().contains("'colour'");
        assertThatThrownBy(() -> PersonFieldEdit.parse(List.of("Lan Pham"))).message().doesNotContain("Lan");
        assertThatThrownBy(() -> PersonFieldEdit.parse(List.of("notes=a", "person_notes=b"))).message().contains("twice");
        assertThatThrownBy(() -> PersonFieldEdit.apply(LAN, Map.of("birth_date", "1994-02-30")))
                .message().contains("birth_date").contains("not a real date").doesNotContain("1994");
    }

    @Test
    void theRulesFieldNamesAreReportedAsTheCommandsNames() {
        assertThat(PersonFieldEdit.exportName("birthDate")).isEqualTo("birth_date");
        assertThat(PersonFieldEdit.exportName("notes")).isEqualTo("person_notes");
        assertThat(PersonFieldEdit.exportName("documentNumber")).isEqualTo("document_number");
        assertThat(PersonFieldEdit.exportName("estimatedAge")).isEqualTo("estimated_age");
    }
}

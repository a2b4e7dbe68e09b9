package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.changes.Outbox;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven person set --case NUMBER FIELD=VALUE...`: the form's edit from a script, through the same
 * service (access, rules, outbox, audit); any bad field, value or case changes nothing.
 */
class PersonSetCliTest {
    static final String BOSS = "boss";
    static final String PASSWORD = "secret-pass-123";
    @TempDir Path dir;

    @Test
    void editsThePersonOfACaseAsTheFormDoesAndRefusesWhatTheFormRefuses() throws Exception {
        HavenCli cli = new HavenCli(dir, BOSS, PASSWORD);
        String number;
        try (Haven h = Haven.create(cli.home(), BOSS, PASSWORD.toCharArray())) {
            CaseFile c = h.cases().register(new org.haven.core.cases.NewCase(new Person(null, null, "Lan Pham", null, Sex.FEMALE,
                    null, 30, "VN", "vi", false, DocumentStatus.HELD, "B1234567", null, "first note", 0), null, null, null, null));
            number = c.caseNumber();
        }
        assertThat(cli.run(Map.of("HAVEN_NEW_PASSWORD", "worker-pass-123"), "user", "add", "ana", "--role", "caseworker").exit()).isZero();

        HavenCli.Run set = cli.run("person", "set", "--case", number, "notes=Moved to the shelter in Poipet",
                "document_number=C7654321", "birth_date=1994-03-07", "estimated_age=");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out().strip()).isEqualTo("updated\t" + number);
        Person after = person(cli, number);
        assertThat(after.notes()).isEqualTo("Moved to the shelter in Poipet");
        assertThat(after.documentNumber()).isEqualTo("C7654321");
        assertThat(after.birthDate()).hasToString("1994-03-07");
        assertThat(after.estimatedAge()).isNull();
        assertThat(after.nameLatin()).as("fields not named stay").isEqualTo("Lan Pham");
        int entries = outboxSize(cli);
        assertThat(entries).as("one outbox entry per changed field").isEqualTo(4);
        assertThat(cli.run("audit", "list", "--action", "PERSON_UPDATE").out()).contains("PERSON_UPDATE");

        // Exit 2, one line, nothing changed: an unknown field, an impossible date, a value the rules refuse, an unknown case.
        List<List<String>> refused = List.of(
                List.of("--case", number, "notes=other", "favourite_colour=blue"),
                List.of("--case", number, "notes=other", "birth_date=2001-02-30"),
                List.of("--case", number, "notes=other", "document_number=!!"),
                List.of("--case", number, "notes=other", "sex=sometimes"),
                List.of("--case", number, "notes=other", "birth_date=2999-01-01"),
                List.of("--case", "HVN-2026-ZZZ-999999", "notes=other"),
                List.of("--case", number, "notes"));
        for (List<String> args : refused) {
            HavenCli.Run r = cli.run(concat(List.of("person", "set"), args));
            assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines()).as(args.toString()).hasSize(1);
            assertThat(r.err()).as(args.toString()).contains("nothing was changed").doesNotContain("Exception").doesNotContain("other");
        }
        assertThat(cli.run("person", "set", "--case", number, "favourite_colour=blue").err()).contains("favourite_colour")
                .contains("person_notes");
        assertThat(cli.run("person", "set", "--case", number, "birth_date=2001-02-30").err()).contains("birth_date")
                .contains("not a real date").doesNotContain("2001");
        assertThat(cli.run("person", "set", "--case", number, "birth_date=2999-01-01").err())
                .as("the rules' messages name the field as the command does").contains("birth_date").doesNotContain("birthDate");

        // Exit 3: a caseworker may not edit a case that is not theirs.
        HavenCli.Run denied = cli.runAs("ana", "worker-pass-123", "person", "set", "--case", number, "notes=other");
        assertThat(denied.exit()).as(denied.err()).isEqualTo(3);
        assertThat(denied.errorLines()).hasSize(1);

        assertThat(person(cli, number)).isEqualTo(after);
        assertThat(outboxSize(cli)).isEqualTo(entries);
        assertThat(cli.run("person", "set", "--help").exit()).isZero();
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    private static Person person(HavenCli cli, String number) {
        try (Haven h = Haven.login(cli.home(), BOSS, PASSWORD.toCharArray())) {
            return h.cases().openByNumber(number).person();
        }
    }

    private static int outboxSize(HavenCli cli) {
        try (Haven h = Haven.login(cli.home(), BOSS, PASSWORD.toCharArray())) {
            // The field edits (the registration's new rows are INSERT entries).
            return (int) Outbox.all(h.database().dsl()).stream().filter(e -> e.op() == Outbox.Op.SET).count();
        }
    }
}

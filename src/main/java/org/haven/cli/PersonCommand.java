package org.haven.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseRepository;
import org.haven.core.common.HavenException;
import org.haven.core.common.ValidationErrors;
import org.haven.core.intake.PersonFieldEdit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `haven person delete --case NUMBER --yes`: really deletes the person of that case (coordinators).
 * `haven person set --case NUMBER FIELD=VALUE...`: edits the person of that case as the form does.
 */
@Command(name = "person", description = "Manage people.", subcommands = {PersonCommand.Delete.class, PersonCommand.SetFields.class})
final class PersonCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: person delete or person set.");
    }

    @Command(name = "delete", description = "Delete the person of a case and every trace of them (all their cases, events, screenings). Cannot be undone.")
    static final class Delete implements Callable<Integer> {
        @Mixin HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "NUMBER") String caseNumber;
        @Option(names = "--yes", description = "Confirm: the deletion cannot be undone.") boolean yes;

        @Override
        public Integer call() {
            if (!yes) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.person.deleteYes");
            try (Haven haven = home.open()) {
                // Looked up without opening the case: a CASE_VIEW entry would tie this case id to the deletion.
                CaseFile found = CaseRepository.findByNumber(haven.database().dsl(), caseNumber)
                        .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.noCase", String.valueOf(caseNumber.trim())));
                int cases = haven.personDeletion().deletePersonOfCase(found.id());
                System.out.println("deleted\t1 person\t" + cases + " case(s)");
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Edits the person of a case through the same rules as the form (access, validation, audit).",
                    "FIELD is a column of the identified export: name_latin, name_native, aliases, sex, birth_date,"
                            + " estimated_age, nationality, languages, interpreter_needed, document_status, document_number,"
                            + " family_contact, person_notes (also: notes, date_of_birth, age). An empty VALUE clears the field.",
                    "All or nothing: an unknown field or an invalid value changes nothing."})
    static final class SetFields implements Callable<Integer> {
        @Mixin HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "NUMBER") String caseNumber;
        @Parameters(arity = "1..*", paramLabel = "FIELD=VALUE") List<String> assignments;

        @Override
        public Integer call() {
            // Field names are checked before anyone logs in: a typo costs no password prompt.
            Map<String, String> edits = PersonFieldEdit.parse(assignments);
            try (Haven haven = home.open()) {
                CaseFile found = CaseRepository.findByNumber(haven.database().dsl(), caseNumber)
                        .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.noCaseUnchanged", String.valueOf(caseNumber.trim())));
                try {
                    haven.cases().editPerson(found.id(), p -> PersonFieldEdit.apply(p, edits));
                } catch (ValidationErrors.InvalidInputException e) {
                    // The person rules name fields as the form does; the command answers in the names it took.
                    List<String> why = new ArrayList<>();
                    e.errors().asMap().forEach((field, message) -> why.add(PersonFieldEdit.exportName(field) + ": " + message));
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.person.invalidValue", String.valueOf(String.join("; ", why)));
                }
                System.out.println("updated\t" + found.caseNumber());
            }
            return 0;
        }
    }
}

package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.cases.CaseFile;
import org.haven.cases.CaseRepository;
import org.haven.common.HavenException;
import org.haven.security.PersonDeletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven person delete --case NUMBER --yes`: really deletes the person of that case (coordinators). */
@Command(name = "person", description = "Manage people.", subcommands = PersonCommand.Delete.class)
final class PersonCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: person delete.");
    }

    @Command(name = "delete", description = "Delete the person of a case and every trace of them (all their cases, events, screenings). Cannot be undone.")
    static final class Delete implements Callable<Integer> {
        @Mixin HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "NUMBER") String caseNumber;
        @Option(names = "--yes", description = "Confirm: the deletion cannot be undone.") boolean yes;

        @Override
        public Integer call() {
            if (!yes) throw HavenException.badInput("Deleting a person cannot be undone: add --yes to confirm.");
            try (Haven haven = home.open()) {
                // Looked up without opening the case: a CASE_VIEW entry would tie this case id to the deletion.
                CaseFile found = CaseRepository.findByNumber(haven.database().dsl(), caseNumber)
                        .orElseThrow(() -> HavenException.notFound("No case with the number " + caseNumber.trim() + "."));
                int cases = new PersonDeletion(haven.database(), haven.session()).deletePersonOfCase(found.id());
                System.out.println("deleted\t1 person\t" + cases + " case(s)");
            }
            return 0;
        }
    }
}

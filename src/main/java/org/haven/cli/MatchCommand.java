package org.haven.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.matching.MatchCandidate;
import org.haven.core.matching.MatchQuery;
import org.haven.core.people.Countries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven match --name NAME [--dob YYYY-MM-DD | --age N] [--nationality COUNTRY] [--limit N]`: likely duplicates. */
@Command(name = "match", description = "Likely duplicates of a person, best first: score, case number, why they matched.")
final class MatchCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "The name, in any script.")
    String name;

    @Option(names = "--dob", paramLabel = "YYYY-MM-DD", description = "Date of birth.")
    String dob;

    @Option(names = "--age", paramLabel = "N", description = "Estimated age (instead of --dob).")
    Integer age;

    @Option(names = "--nationality", paramLabel = "COUNTRY", description = "ISO 3166 alpha-2 or alpha-3 code, a country's name or a nationality (Viet Nam, Myanmar, Burmese): as in imports, see docs/import.md.")
    String nationality;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10")
    int limit;

    @Override
    public Integer call() {
        if (name.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.name");
        if (dob != null && age != null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.dobOrAge");
        if (limit < 1 || limit > 1000) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.limit");
        LocalDate birthDate = null;
        if (dob != null) {
            try {
                birthDate = LocalDate.parse(dob.trim());
            } catch (DateTimeParseException e) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.dobFormat");
            }
            if (birthDate.isAfter(LocalDate.now())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.dobFuture");
        }
        if (age != null && (age < 0 || age > 100)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.age");
        String country = null;
        if (nationality != null) {
            country = Countries.toCode(nationality).orElseThrow(() -> HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.match.nationality"));
        }
        try (Haven haven = home.open()) {
            System.out.println("score\tcase_number\twhy\tname_latin\tname_native");
            MatchQuery query = MatchQuery.byName(name, birthDate, age, country);
            for (MatchCandidate c : haven.matching().find(query, limit)) {
                System.out.println(c.score() + "	" + Cells.of(c.caseNumber()) + "	" + Cells.of(c.why()) + "	"
                        + Cells.of(c.nameLatin()) + "	" + Cells.of(c.nameNative()));
            }
            // Cases this user may not see are never listed; only that a likely match exists.
            int hidden = haven.matching().hiddenMatches(query);
            if (hidden > 0) {
                System.err.println("haven: " + hidden + " more likely match" + (hidden == 1 ? "" : "es")
                        + " in cases you cannot see: ask a coordinator before registering this person again.");
            }
        }
        return 0;
    }
}

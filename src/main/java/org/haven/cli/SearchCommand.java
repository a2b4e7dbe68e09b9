package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.HavenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `haven search TEXT [--limit N]`: the case list's search. */
@Command(name = "search", description = "Search cases by name (either script), alias or case number.")
final class SearchCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", paramLabel = "TEXT")
    String text;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100_000) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.search.limit");
        try (Haven haven = home.open()) {
            System.out.println("case_number\tname_latin\tname_native\tstatus");
            for (CaseListItem item : haven.cases().search(CaseQuery.text(text, limit))) {
                System.out.println(Cells.of(item.caseNumber()) + "\t" + Cells.of(item.nameLatin()) + "\t"
                        + Cells.of(item.nameNative()) + "\t" + item.status());
            }
        }
        return 0;
    }
}

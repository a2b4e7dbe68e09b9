package org.haven.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.security.AuditLog;
import org.haven.core.security.AuditService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven audit verify` and `haven audit list`: the audit log's chain and its entries (coordinators, administrators). */
@Command(name = "audit", description = "Check or list the audit log.", subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: audit verify or audit list.");
    }

    @Command(name = "verify", description = "Check the audit log's hash chain: exit 0 when intact, 1 naming the first broken entry.")
    static final class Verify implements Callable<Integer> {
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                AuditLog.Verification v = haven.audit().verify();
                if (!v.intact()) {
                    throw HavenException.of(HavenException.Kind.FAILURE, "error.cli.audit.broken", String.valueOf(v.firstBrokenSeq()), String.valueOf(v.problem()));
                }
                System.out.println("audit ok\t" + v.entries() + " entries");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List audit entries, newest first (tab-separated: seq, at, user, action, entity, entity_id, detail).")
    static final class ListEntries implements Callable<Integer> {
        @Mixin HomeOption home;
        @Option(names = "--user", paramLabel = "NAME") String user;
        @Option(names = "--action", paramLabel = "ACTION") String action;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD") LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD") LocalDate to;
        @Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                var entries = haven.audit()
                        .find(new AuditService.Query(user, action, from, to, limit));
                System.out.println("seq\tat\tuser\taction\tentity\tentity_id\tdetail");
                for (var e : entries) {
                    System.out.println(e.seq() + "\t" + e.at() + "\t" + Cells.of(e.username()) + "\t" + Cells.of(e.action()) + "\t"
                            + Cells.of(e.entity()) + "\t" + Cells.of(e.entityId()) + "\t" + Cells.of(e.detail()));
                }
            }
            return 0;
        }
    }
}

package org.haven.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.common.Version;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `haven check`: the self-check of an install: a throwaway database, then the real one if present. */
@Command(name = "check", description = "Check that Haven can run here (and that the database in the data folder opens).")
final class CheckCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() throws IOException {
        System.out.println("version\t" + Version.current());
        System.out.println("java\t" + System.getProperty("java.version"));
        Path scratch = Files.createTempDirectory("haven-check-");
        try {
            byte[] key = KeyFile.newDatabaseKey();
            try (Database db = Database.open(scratch, key)) {
                int tables = db.dsl().meta().getSchemas("PUBLIC").getFirst().getTables().size();
                System.out.println("scratch database\tok (" + tables + " tables)");
            }
        } finally {
            deleteTree(scratch);
        }
        Path dir = home.home();
        boolean office = home.office() != null;
        if (office || Database.existsIn(dir)) {
            try (Haven haven = home.open()) {
                AuditLog.Verification v = AuditLog.verify(haven.database());
                System.out.println((office ? "office database" : "data folder database") + "\tok");
                System.out.println("audit chain\t" + (v.intact() ? "intact" : "BROKEN at entry " + v.firstBrokenSeq()));
                if (!v.intact()) {
                    throw HavenException.of(HavenException.Kind.FAILURE, "error.cli.check.auditBroken", String.valueOf(v.firstBrokenSeq()));
                }
            }
        } else {
            System.out.println("data folder database\tnone yet");
        }
        System.out.println("check\tok");
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

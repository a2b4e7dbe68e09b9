package org.haven.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;

/**
 * The child JVM of the crash tests: writes through the services without pause, printing each save
 * as soon as the service returned it, until it is killed. Lines: "CASE id number", "EVENT id caseId".
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Haven haven = TestHaven.login(home);
        System.out.println("READY");
        System.out.flush();
        if (args.length > 1 && args[1].equals("import")) {
            importThenClose(haven, Path.of(args[2]), args[3], args.length > 4 ? Integer.parseInt(args[4]) : org.haven.core.intake.ImportService.PART_ROWS,
                    args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE);
            return;
        }
        if (args.length > 1 && args[1].equals("compact")) {
            growThenClose(haven, home.resolve("haven.mv.db"), Long.parseLong(args[2]));
            return;
        }
        for (int i = 0; ; i++) {
            CaseFile saved = haven.cases().register(TestHaven.newCase(TestHaven.person("Crash Person " + i, null)));
            System.out.println("CASE " + saved.id() + " " + saved.caseNumber());
            System.out.flush();
            CaseEvent event = haven.timeline().add(saved.id(), EventType.NOTE, LocalDate.now(), DatePrecision.DAY, "note " + i);
            System.out.println("EVENT " + event.id() + " " + saved.id());
            System.out.flush();
        }
    }

    /**
     * Saves one person's notes again and again until the file (every commit appended) reaches
     * {@code fileBytes}, then closes, which rewrites the file. Lines: "CASE id", "NOTE text",
     * "CLOSING", "CLOSED millis".
     */
    private static void growThenClose(Haven haven, Path file, long fileBytes) {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Compact Person", null)));
        System.out.println("CASE " + c.id());
        try {
            for (int i = 0; java.nio.file.Files.size(file) < fileBytes; i++) {
                org.haven.core.people.Person p = haven.cases().open(c.id()).person();
                String note = "visit-" + i;
                haven.cases().updatePerson(c.id(), p.withContactAndNotes(p.aliases(), p.familyContact(), note));
                System.out.println("NOTE " + note);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println("CLOSING");
        System.out.flush();
        long start = System.nanoTime();
        haven.close();
        System.out.println("CLOSED " + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
    }

    /**
     * Imports a list under a new operation (in parts of {@code partRows}, each committed), then closes
     * (a large import makes the close rewrite the file). After {@code waitAfterParts} parts it stops and
     * waits to be killed. Lines: "IMPORTING", "PART rows" after each part, "IMPORTED n", "CLOSING", "CLOSED millis".
     */
    private static void importThenClose(Haven haven, Path csv, String operationName, int partRows, int waitAfterParts) {
        System.out.println("IMPORTING");
        System.out.flush();
        long start = System.nanoTime();
        var service = new org.haven.core.intake.ImportService(haven, c -> java.util.List.of(), partRows);
        int[] parts = {0};
        service.afterEachPart(rows -> {
            System.out.println("PART " + rows);
            System.out.flush();
            if (++parts[0] >= waitAfterParts) {
                try {
                    Thread.sleep(Long.MAX_VALUE); // committed parts, the last not yet: the parent kills here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        int imported = service
                .importFile(csv, null, org.haven.core.intake.ImportService.Target.create(operationName), false, false).imported();
        System.out.println("IMPORTED " + imported);
        System.out.println("CLOSING");
        System.out.flush();
        haven.close();
        System.out.println("CLOSED " + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
    }
}

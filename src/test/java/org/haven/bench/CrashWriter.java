package org.haven.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import org.haven.Haven;
import org.haven.cases.CaseFile;
import org.haven.testing.TestHaven;
import org.haven.timeline.CaseEvent;
import org.haven.timeline.DatePrecision;
import org.haven.timeline.EventType;

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
        for (int i = 0; ; i++) {
            CaseFile saved = haven.cases().register(TestHaven.newCase(TestHaven.person("Crash Person " + i, null)));
            System.out.println("CASE " + saved.id() + " " + saved.caseNumber());
            System.out.flush();
            CaseEvent event = haven.timeline().add(saved.id(), EventType.NOTE, LocalDate.now(), DatePrecision.DAY, "note " + i);
            System.out.println("EVENT " + event.id() + " " + saved.id());
            System.out.flush();
        }
    }
}

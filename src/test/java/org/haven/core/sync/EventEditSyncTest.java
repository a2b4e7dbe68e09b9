package org.haven.core.sync;

import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits and deletions of timeline entries travel (a real PostgreSQL behind a real `haven serve`):
 * different fields of one entry edited on two laptops merge, the same field is one conflict that a
 * coordinator resolves, and an entry deleted on one laptop is gone from the office and the other laptop.
 */
class EventEditSyncTest {
    static final String BOSS = "boss";
    static final String DANA = "dana";
    @TempDir Path dir;

    @Test
    void entryEditsMergeConflictResolveAndDeletionsTravel() throws Exception {
        TestOffice office = TestOffice.in(dir);
        CaseFile shared;
        UUID shelter;
        UUID medical;
        LocalDate day = LocalDate.now().minusDays(10);
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, DANA, "Dana Sok", Role.COORDINATOR);
            shared = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            shelter = h.timeline().add(shared.id(), EventType.SHELTER_ADMISSION, day, DatePrecision.DAY, "first shelter").id();
            medical = h.timeline().add(shared.id(), EventType.MEDICAL, day, DatePrecision.DAY, "clinic visit").id();
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path b = office.join("laptop-b", DANA);

            // Apart: A changes the shelter entry's note; B changes its note and its date, and deletes the medical entry.
            try (Haven boss = login(a, BOSS)) {
                CaseEvent e = event(boss, shared, shelter);
                boss.timeline().update(new CaseEvent(e.id(), e.caseId(), e.type(), e.date(), e.precision(), "moved to shelter B",
                        e.recordedBy(), e.recordedByName(), e.version()));
            }
            try (Haven dana = login(b, DANA)) {
                CaseEvent e = event(dana, shared, shelter);
                dana.timeline().update(new CaseEvent(e.id(), e.caseId(), e.type(), day.minusDays(1), e.precision(), "arrived at night",
                        e.recordedBy(), e.recordedByName(), e.version()));
                dana.timeline().delete(event(dana, shared, medical));
            }
            assertThat(sync(a, BOSS).conflicts()).isZero();
            assertThat(sync(b, DANA).conflicts()).as("the same note edited on two laptops").isEqualTo(1);
            sync(a, BOSS);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    CaseEvent e = event(h, shared, shelter);
                    assertThat(e.note()).as("the office kept the first note").isEqualTo("moved to shelter B");
                    assertThat(e.date()).as("the date merged").isEqualTo(day.minusDays(1));
                    assertThat(h.timeline().events(shared.id())).extracting(CaseEvent::id).doesNotContain(medical);
                }
            }
            try (Haven h = office.login(BOSS)) {
                Conflicts conflicts = new Conflicts(h.database(), h.session());
                List<Conflicts.Open> open = conflicts.open();
                assertThat(open).singleElement().satisfies(o -> assertThat(o.field()).isEqualTo("note"));
                conflicts.resolve(open.getFirst().id(), Conflicts.Keep.LAPTOP);
            }
            sync(a, BOSS);
            sync(b, DANA);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    assertThat(event(h, shared, shelter).note()).isEqualTo("arrived at night");
                }
            }
        }
    }

    private static CaseEvent event(Haven h, CaseFile c, UUID id) {
        return h.timeline().events(c.id()).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Haven> devices(TestOffice office, Path a, Path b) {
        return List.of(office.login(BOSS), login(a, BOSS), login(b, DANA));
    }
}

package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;

import java.util.List;
import org.haven.core.demo.DemoData;
import org.haven.testing.DatabaseTest;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;

/** Every status change of the demo data reads in words on the timeline, closings included ("Screening -> Closed (Not a victim)"). */
class DemoStatusEventsTest extends DatabaseTest {
    @Test
    void demoStatusChangesAreWrittenAsTheWorkflowWritesThem() {
        new DemoData(haven, 9).generate(300, null);
        List<String> notes = haven.database().dsl().select(CASE_EVENT.NOTE).from(CASE_EVENT)
                .where(CASE_EVENT.EVENT_TYPE.eq(EventType.STATUS_CHANGE)).fetch(CASE_EVENT.NOTE);
        assertThat(notes).anyMatch(n -> n.contains("CLOSED"));
        for (String note : notes) {
            assertThat(CaseTimeline.statusChangeText(note)).as(note).isNotEqualTo(note).doesNotContain("_").doesNotContain("->");
        }
    }
}

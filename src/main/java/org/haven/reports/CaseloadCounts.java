package org.haven.reports;

import static org.haven.db.jooq.Tables.CASE_EVENT;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.OPERATION_MEMBER;
import static org.haven.db.jooq.Tables.PERSON;

import java.util.LinkedHashMap;
import java.util.Map;
import org.haven.cases.CaseAccess;
import org.haven.cases.CaseStatus;
import org.haven.cases.Outcome;
import org.haven.db.Database;
import org.haven.security.Session;
import org.haven.security.User;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Plain counts of the caseload (the `stats` command and the status bar). */
public final class CaseloadCounts {
    private final Database db;
    private final Session session;

    public CaseloadCounts(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /**
     * key -> count, in a stable order: totals, then every status and outcome (zeros included).
     * Only what the user may see is counted ({@link CaseAccess}): a caseworker's people, events and
     * operations are those of the cases they see (and the operations they are a member of).
     */
    public Map<String, Long> counts() {
        session.requireCaseData();
        var dsl = db.dsl();
        User user = session.user();
        boolean all = user.seesAllCases();
        Condition cases = CaseAccess.visibleTo(user);
        Map<String, Long> out = new LinkedHashMap<>();
        if (all) {
            out.put("people", (long) dsl.fetchCount(PERSON));
            out.put("cases", (long) dsl.fetchCount(CASE_FILE));
            out.put("events", (long) dsl.fetchCount(CASE_EVENT));
            out.put("operations", (long) dsl.fetchCount(OPERATION));
        } else {
            out.put("people", (long) dsl.fetchCount(DSL.selectDistinct(CASE_FILE.PERSON_ID).from(CASE_FILE).where(cases)));
            out.put("cases", (long) dsl.fetchCount(CASE_FILE, cases));
            out.put("events", (long) dsl.fetchCount(CASE_EVENT, CASE_EVENT.CASE_ID.in(DSL.select(CASE_FILE.ID).from(CASE_FILE).where(cases))));
            out.put("operations", (long) dsl.fetchCount(OPERATION, OPERATION.ID.in(DSL.select(CASE_FILE.OPERATION_ID).from(CASE_FILE).where(cases))
                    .or(OPERATION.ID.in(DSL.select(OPERATION_MEMBER.OPERATION_ID).from(OPERATION_MEMBER).where(OPERATION_MEMBER.USER_ID.eq(user.id()))))));
        }
        Map<String, Integer> byStatus = dsl.select(CASE_FILE.STATUS, DSL.count()).from(CASE_FILE).where(cases)
                .groupBy(CASE_FILE.STATUS).fetchMap(CASE_FILE.STATUS, DSL.count());
        for (CaseStatus s : CaseStatus.values()) out.put("status." + s.name(), (long) byStatus.getOrDefault(s.name(), 0));
        Map<String, Integer> byOutcome = dsl.select(CASE_FILE.OUTCOME, DSL.count()).from(CASE_FILE)
                .where(CASE_FILE.OUTCOME.isNotNull()).and(cases).groupBy(CASE_FILE.OUTCOME).fetchMap(CASE_FILE.OUTCOME, DSL.count());
        for (Outcome o : Outcome.values()) out.put("outcome." + o.name(), (long) byOutcome.getOrDefault(o.name(), 0));
        return out;
    }
}

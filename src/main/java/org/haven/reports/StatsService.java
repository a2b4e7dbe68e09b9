package org.haven.reports;

import static org.haven.db.jooq.Tables.CASE_EVENT;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.PERSON;

import java.util.LinkedHashMap;
import java.util.Map;
import org.haven.cases.CaseStatus;
import org.haven.cases.Outcome;
import org.haven.db.Database;
import org.haven.security.Session;

/** Plain counts of the caseload (the `stats` command and the status bar). */
public final class StatsService {
    private final Database db;
    private final Session session;

    public StatsService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** key -> count, in a stable order: totals, then every status and outcome (zeros included). */
    public Map<String, Long> counts() {
        session.requireCaseData();
        var dsl = db.dsl();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("people", (long) dsl.fetchCount(PERSON));
        out.put("cases", (long) dsl.fetchCount(CASE_FILE));
        out.put("events", (long) dsl.fetchCount(CASE_EVENT));
        out.put("operations", (long) dsl.fetchCount(OPERATION));
        Map<String, Integer> byStatus = dsl.select(CASE_FILE.STATUS, org.jooq.impl.DSL.count()).from(CASE_FILE)
                .groupBy(CASE_FILE.STATUS).fetchMap(CASE_FILE.STATUS, org.jooq.impl.DSL.count());
        for (CaseStatus s : CaseStatus.values()) out.put("status." + s.name(), (long) byStatus.getOrDefault(s.name(), 0));
        Map<String, Integer> byOutcome = dsl.select(CASE_FILE.OUTCOME, org.jooq.impl.DSL.count()).from(CASE_FILE)
                .where(CASE_FILE.OUTCOME.isNotNull()).groupBy(CASE_FILE.OUTCOME).fetchMap(CASE_FILE.OUTCOME, org.jooq.impl.DSL.count());
        for (Outcome o : Outcome.values()) out.put("outcome." + o.name(), (long) byOutcome.getOrDefault(o.name(), 0));
        return out;
    }
}

package org.haven.core.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.haven.core.access.CaseAccess;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.db.Database;
import org.haven.core.security.Session;
import org.haven.core.security.User;
import org.jooq.Condition;

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
        long[] totals = all ? CaseloadRepository.totals(dsl) : CaseloadRepository.totals(dsl, cases, user);
        out.put("people", totals[0]);
        out.put("cases", totals[1]);
        out.put("events", totals[2]);
        out.put("operations", totals[3]);
        Map<String, Integer> byStatus = CaseloadRepository.byStatus(dsl, cases);
        for (CaseStatus s : CaseStatus.values()) out.put("status." + s.name(), (long) byStatus.getOrDefault(s.name(), 0));
        Map<String, Integer> byOutcome = CaseloadRepository.byOutcome(dsl, cases);
        for (Outcome o : Outcome.values()) out.put("outcome." + o.name(), (long) byOutcome.getOrDefault(o.name(), 0));
        return out;
    }
}

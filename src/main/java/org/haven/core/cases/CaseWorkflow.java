package org.haven.core.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.haven.core.common.HavenException;

/**
 * The case state machine, in plain Java. A case moves from identification through screening,
 * assistance and the legal process to a pending return, and is closed with an outcome. A closed
 * case can be reopened for follow-up (people are re-trafficked or come back).
 */
public final class CaseWorkflow {
    private static final Map<CaseStatus, Set<CaseStatus>> MOVES = new EnumMap<>(CaseStatus.class);

    static {
        MOVES.put(CaseStatus.IDENTIFIED, EnumSet.of(CaseStatus.SCREENING, CaseStatus.ASSISTANCE, CaseStatus.CLOSED));
        MOVES.put(CaseStatus.SCREENING, EnumSet.of(CaseStatus.ASSISTANCE, CaseStatus.LEGAL_PROCESS,
                CaseStatus.RETURN_PENDING, CaseStatus.CLOSED));
        MOVES.put(CaseStatus.ASSISTANCE, EnumSet.of(CaseStatus.SCREENING, CaseStatus.LEGAL_PROCESS,
                CaseStatus.RETURN_PENDING, CaseStatus.CLOSED));
        MOVES.put(CaseStatus.LEGAL_PROCESS, EnumSet.of(CaseStatus.ASSISTANCE, CaseStatus.RETURN_PENDING, CaseStatus.CLOSED));
        MOVES.put(CaseStatus.RETURN_PENDING, EnumSet.of(CaseStatus.ASSISTANCE, CaseStatus.LEGAL_PROCESS, CaseStatus.CLOSED));
        MOVES.put(CaseStatus.CLOSED, EnumSet.of(CaseStatus.ASSISTANCE));
    }

    private CaseWorkflow() {}

    public static Set<CaseStatus> allowedMoves(CaseStatus from) {
        return Collections.unmodifiableSet(MOVES.get(from));
    }

    /** The outcomes a case in this status may be closed with. */
    public static Set<Outcome> allowedOutcomes(CaseStatus from) {
        if (!MOVES.get(from).contains(CaseStatus.CLOSED)) return EnumSet.noneOf(Outcome.class);
        Set<Outcome> outcomes = EnumSet.allOf(Outcome.class);
        if (from != CaseStatus.RETURN_PENDING) {
            outcomes.remove(Outcome.REPATRIATED);
            outcomes.remove(Outcome.DEPORTED);
        }
        if (from == CaseStatus.RETURN_PENDING) {
            outcomes.remove(Outcome.NOT_A_VICTIM);
        }
        return outcomes;
    }

    /** Checks a move; throws a BAD_INPUT exception with a plain reason when it is not allowed. */
    public static void check(CaseStatus from, CaseStatus to, Outcome outcome, String reason) {
        if (!MOVES.get(from).contains(to)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.move", from.name(), to.name());
        }
        if (to == CaseStatus.CLOSED) {
            if (outcome == null) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.needsOutcome");
            }
            if (!allowedOutcomes(from).contains(outcome)) {
                throw outcome.isReturn()
                        ? HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.returnNotPending", outcome.name())
                        : HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.outcomeNotAllowed", from.name(), outcome.name());
            }
            if (reason == null || reason.isBlank()) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.needsReason");
            }
        } else if (outcome != null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.workflow.outcomeOnlyOnClose");
        }
    }
}

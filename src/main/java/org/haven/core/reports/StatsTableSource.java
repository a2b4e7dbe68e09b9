package org.haven.core.reports;

import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * A table another feature adds to the statistics (e.g. screening: indicators found per ILO
 * indicator). It gets the cases already filtered by period, operation and access as a condition on
 * CASE_FILE, and returns counts only.
 */
public interface StatsTableSource {
    CountTable table(DSLContext dsl, Condition cases);
}

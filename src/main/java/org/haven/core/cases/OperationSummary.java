package org.haven.core.cases;

import java.util.Map;
import org.haven.core.people.Sex;

/**
 * Counts of the cases registered under one operation (only those the user may see): in total, by
 * status, by nationality (ISO code, "" when unknown) and by sex. Every status and sex is present,
 * zeros included; nationalities are ordered by count, largest first.
 */
public record OperationSummary(long cases, Map<CaseStatus, Long> byStatus, Map<String, Long> byNationality,
                               Map<Sex, Long> bySex) {}

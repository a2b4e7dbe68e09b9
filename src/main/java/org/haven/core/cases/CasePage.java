package org.haven.core.cases;

import java.util.List;

/**
 * One page of the case list and the number of matching cases: exact when {@code more} is false,
 * else a lower bound (the list says "more than {@code total}").
 */
public record CasePage(List<CaseListItem> items, int total, boolean more) {}

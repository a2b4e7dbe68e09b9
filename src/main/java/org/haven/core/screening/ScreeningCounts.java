package org.haven.core.screening;

import java.util.Map;

/** How many cases are not yet screened, and how many have each latest determination. */
public record ScreeningCounts(long notScreened, Map<Determination, Long> byDetermination) {}

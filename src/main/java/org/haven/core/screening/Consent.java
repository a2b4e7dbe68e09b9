package org.haven.core.screening;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** Consent recorded at the interview: who gave it, when, and the purposes granted (others refused). */
public record Consent(ConsentGiver givenBy, LocalDate givenOn, Set<ConsentPurpose> granted) {
    public Consent {
        granted = granted == null || granted.isEmpty() ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(granted);
    }

    public boolean grants(ConsentPurpose purpose) {
        return granted.contains(purpose);
    }
}

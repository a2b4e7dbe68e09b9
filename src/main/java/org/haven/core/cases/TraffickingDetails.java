package org.haven.core.cases;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The trafficking details a caseworker records for a case beyond screening (HTCDS/CTDC fields):
 * the country where the exploitation took place (ISO 3166 alpha-2, null when not known), how the
 * recruiter was related to the person, and methods of control. Empty sets mean "not recorded"; the sets iterate in enum order.
 */
public record TraffickingDetails(UUID caseId, String countryOfExploitation, Set<RecruiterRelation> recruiterRelations,
                                 Set<MethodOfControl> methodsOfControl) {
    public TraffickingDetails {
        recruiterRelations = recruiterRelations == null || recruiterRelations.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(recruiterRelations));
        methodsOfControl = methodsOfControl == null || methodsOfControl.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(methodsOfControl));
    }

    public static TraffickingDetails none(UUID caseId) {
        return new TraffickingDetails(caseId, null, Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return countryOfExploitation == null && recruiterRelations.isEmpty() && methodsOfControl.isEmpty();
    }
}

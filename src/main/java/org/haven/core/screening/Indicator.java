package org.haven.core.screening;

import java.util.List;

/**
 * The eleven ILO indicators of forced labour, in the ILO's order. Each carries its weight in the
 * determination rule and the HTCDS {@code vic_MethodsOfControl} values it maps to (exports use them;
 * an empty list means HTCDS has no matching value).
 */
public enum Indicator {
    ABUSE_OF_VULNERABILITY(Strength.MEDIUM, "PsychologicalAbuse"),
    DECEPTION(Strength.STRONG, "FalsePromises"),
    RESTRICTION_OF_MOVEMENT(Strength.STRONG, "RestrictsMovement"),
    // HTCDS folds isolation into RestrictsMovement ("isolated, confined or limited ... physically or socially").
    ISOLATION(Strength.MEDIUM, "RestrictsMovement"),
    PHYSICAL_SEXUAL_VIOLENCE(Strength.STRONG, "PhysicalAbuse", "SexualAbuse"),
    INTIMIDATION_THREATS(Strength.STRONG, "Threats"),
    RETENTION_OF_DOCUMENTS(Strength.STRONG, "WithholdsDocuments"),
    WITHHOLDING_OF_WAGES(Strength.MEDIUM, "TakesEarnings"),
    DEBT_BONDAGE(Strength.STRONG, "DebtBondage"),
    ABUSIVE_CONDITIONS(Strength.MEDIUM, "WithholdsNecessities"),
    EXCESSIVE_OVERTIME(Strength.MEDIUM, "ExcessiveWorkingHours");

    /** How much one YES weighs in the suggested determination (see docs/screening.md). */
    public enum Strength { STRONG, MEDIUM }

    private final Strength strength;
    private final List<String> htcdsMethodsOfControl;

    Indicator(Strength strength, String... htcdsMethodsOfControl) {
        this.strength = strength;
        this.htcdsMethodsOfControl = List.of(htcdsMethodsOfControl);
    }

    public Strength strength() {
        return strength;
    }

    /** HTCDS vic_MethodsOfControl value names, spelled as the standard does. */
    public List<String> htcdsMethodsOfControl() {
        return htcdsMethodsOfControl;
    }
}

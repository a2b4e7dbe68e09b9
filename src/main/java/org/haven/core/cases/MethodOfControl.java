package org.haven.core.cases;

/**
 * HTCDS vic_MethodsOfControl (multi-select), every value of the Field Reference's picklist in its
 * order, value names as the standard spells them. Screening already yields most of them from the ILO
 * indicators; the caseworker records here what no indicator gives (ThreatOfLawEnforcement,
 * PsychoactiveSubstances, RestrictsMedicalCare, ...) or what is known without a screening.
 */
public enum MethodOfControl {
    DEBT_BONDAGE("DebtBondage"),
    TAKES_EARNINGS("TakesEarnings"),
    RESTRICTS_FINANCIAL_ACCESS("RestrictsFinancialAccess"),
    THREATS("Threats"),
    PSYCHOLOGICAL_ABUSE("PsychologicalAbuse"),
    PHYSICAL_ABUSE("PhysicalAbuse"),
    SEXUAL_ABUSE("SexualAbuse"),
    FALSE_PROMISES("FalsePromises"),
    PSYCHOACTIVE_SUBSTANCES("PsychoactiveSubstances"),
    RESTRICTS_MOVEMENT("RestrictsMovement"),
    RESTRICTS_MEDICAL_CARE("RestrictsMedicalCare"),
    EXCESSIVE_WORKING_HOURS("ExcessiveWorkingHours"),
    USES_CHILDREN("UsesChildren"),
    THREAT_OF_LAW_ENFORCEMENT("ThreatOfLawEnforcement"),
    WITHHOLDS_NECESSITIES("WithholdsNecessities"),
    WITHHOLDS_DOCUMENTS("WithholdsDocuments"),
    OTHER("Other");

    private final String htcds;

    MethodOfControl(String htcds) {
        this.htcds = htcds;
    }

    public String htcds() {
        return htcds;
    }
}

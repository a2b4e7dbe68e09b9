package org.haven.core.screening;

/** HTCDS vic_MethodOfRecruitment (multi-select); {@link #htcds()} is the value as the standard spells it. */
public enum RecruitmentMethod {
    ABDUCTION("Abduction"),
    EDUCATIONAL_FACILITY("Educational Facility"),
    FAMILIAL("Familial"),
    INTERNET("Internet (social media, online advertisement)"),
    INTERNATIONAL_MARRIAGE_BROKER("International Marriage Broker (IMB)"),
    INTIMATE_PARTNER("Intimate partner/marriage proposition"),
    JOB_OFFER("Job offer/advertisement"),
    POSING_AS_BENEFACTOR("Posing as Benefactor"),
    PUBLIC_AREA("Public Area"),
    OFFER_OF_ACCOMMODATION("Offer of Accommodation"),
    SHELTER("Shelter"),
    SMUGGLING_RANSOM("Smuggling, ransom"),
    WORK("Work"),
    OTHER("Other"),
    UNKNOWN("Unknown");

    private final String htcds;

    RecruitmentMethod(String htcds) {
        this.htcds = htcds;
    }

    public String htcds() {
        return htcds;
    }
}

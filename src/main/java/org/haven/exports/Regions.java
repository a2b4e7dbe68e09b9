package org.haven.exports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * UN M49 geographic sub-regions and regions for ISO 3166 alpha-2 codes: a rare nationality is
 * published as its sub-region ("South-eastern Asia"), and a rare sub-region as its region ("Asia").
 * A static table (no network, no library): every Asian country, the nationalities Haven's lists and
 * demo data use, and the rest of the world by sub-region where it matters; anything else is "Other".
 * Taiwan (absent from M49) is placed in Eastern Asia.
 */
public final class Regions {
    public static final String OTHER = "Other";
    public static final String UNKNOWN = "Unknown";

    private static final Map<String, String> SUB_REGION = new HashMap<>();
    private static final Map<String, String> REGION = new HashMap<>();

    static {
        add("Asia", "Eastern Asia", "CN HK MO JP KP KR MN TW");
        add("Asia", "South-eastern Asia", "BN KH ID LA MY MM PH SG TH TL VN");
        add("Asia", "Southern Asia", "AF BD BT IN IR MV NP PK LK");
        add("Asia", "Central Asia", "KZ KG TJ TM UZ");
        add("Asia", "Western Asia", "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE");
        add("Africa", "Northern Africa", "DZ EG LY MA SD TN EH");
        add("Africa", "Eastern Africa", "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW IO TF");
        add("Africa", "Middle Africa", "AO CM CF TD CG CD GQ GA ST");
        add("Africa", "Southern Africa", "BW SZ LS NA ZA");
        add("Africa", "Western Africa", "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG");
        add("Europe", "Eastern Europe", "BY BG CZ HU PL MD RO RU SK UA");
        add("Europe", "Northern Europe", "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB");
        add("Europe", "Southern Europe", "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK");
        add("Europe", "Western Europe", "AT BE FR DE LI LU MC NL CH");
        add("Americas", "Northern America", "BM CA GL PM US");
        add("Americas", "Latin America and the Caribbean",
                "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI "
                        + "BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE");
        add("Oceania", "Australia and New Zealand", "AU NZ NF HM CX CC");
        add("Oceania", "Melanesia", "FJ NC PG SB VU");
        add("Oceania", "Micronesia", "GU KI MH FM NR MP PW UM");
        add("Oceania", "Polynesia", "AS CK PF NU PN WS TK TO TV WF");
    }

    private Regions() {}

    private static void add(String region, String subRegion, String codes) {
        for (String code : codes.split(" ")) {
            SUB_REGION.put(code, subRegion);
            REGION.put(code, region);
        }
    }

    /** The M49 sub-region of a country code, "Unknown" for no code, "Other" for a code not in the table. */
    public static String subRegion(String code) {
        if (code == null || code.isBlank()) return UNKNOWN;
        return SUB_REGION.getOrDefault(code.trim().toUpperCase(Locale.ROOT), OTHER);
    }

    /** The M49 region (continent) of a country code, "Unknown" for no code, "Other" when not in the table. */
    public static String region(String code) {
        if (code == null || code.isBlank()) return UNKNOWN;
        return REGION.getOrDefault(code.trim().toUpperCase(Locale.ROOT), OTHER);
    }
}

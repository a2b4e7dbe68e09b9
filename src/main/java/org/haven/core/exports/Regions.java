package org.haven.core.exports;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * UN M49 sub-regions and regions (continents) of ISO 3166 alpha-2 codes, from CLDR's territory
 * containment through ICU4J: a rare nationality is published as its sub-region ("Southeast Asia"),
 * and a rare sub-region as its region ("Asia"). Names are CLDR's English names, so they stay the
 * same in every export whatever the user's language.
 */
public final class Regions {
    public static final String OTHER = "Other";
    public static final String UNKNOWN = "Unknown";

    private Regions() {}

    /** The M49 sub-region of a country code, "Unknown" for no code, "Other" for a code CLDR does not place. */
    public static String subRegion(String code) {
        if (code == null || code.isBlank()) return UNKNOWN;
        Region territory = territory(code);
        return territory == null ? OTHER : name(territory.getContainingRegion());
    }

    /** The M49 region (continent) of a country code, "Unknown" for no code, "Other" when CLDR does not place it. */
    public static String region(String code) {
        if (code == null || code.isBlank()) return UNKNOWN;
        Region territory = territory(code);
        return territory == null ? OTHER : name(territory.getContainingRegion(Region.RegionType.CONTINENT));
    }

    private static Region territory(String code) {
        try {
            Region region = Region.getInstance(code.trim().toUpperCase(Locale.ROOT));
            return region.getType() == Region.RegionType.TERRITORY ? region : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String name(Region container) {
        if (container == null) return OTHER;
        return ULocale.getDisplayCountry("und_" + container, ULocale.ENGLISH);
    }
}

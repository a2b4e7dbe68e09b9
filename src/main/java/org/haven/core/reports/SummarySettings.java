package org.haven.core.reports;

import org.jooq.DSLContext;

/** The organisation name printed on every summary: a setting in the database, "Haven" until set. */
public final class SummarySettings {
    public static final String ORGANISATION_KEY = "organisation.name";
    public static final String DEFAULT_ORGANISATION = "Haven";
    public static final String ADDRESS_KEY = "organisation.address";

    private SummarySettings() {}

    public static String organisation(DSLContext tx) {
        String v = SettingsRepository.read(tx, ORGANISATION_KEY);
        return v == null || v.isBlank() ? DEFAULT_ORGANISATION : v.strip();
    }

    /** The organisation's address (printed on court copies), or null while not set. */
    public static String address(DSLContext tx) {
        String v = SettingsRepository.read(tx, ADDRESS_KEY);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static void setOrganisation(DSLContext tx, String name) {
        String value = name == null ? "" : name.strip();
        SettingsRepository.write(tx, ORGANISATION_KEY, value);
    }
}

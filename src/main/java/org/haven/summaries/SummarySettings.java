package org.haven.summaries;

import static org.haven.db.jooq.Tables.APP_SETTING;

import org.jooq.DSLContext;

/** The organisation name printed on every summary: a setting in the database, "Haven" until set. */
public final class SummarySettings {
    public static final String ORGANISATION_KEY = "organisation.name";
    public static final String DEFAULT_ORGANISATION = "Haven";
    public static final String ADDRESS_KEY = "organisation.address";

    private SummarySettings() {}

    public static String organisation(DSLContext tx) {
        String v = tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(ORGANISATION_KEY)).fetchOne(APP_SETTING.SETTING_VALUE);
        return v == null || v.isBlank() ? DEFAULT_ORGANISATION : v.strip();
    }

    /** The organisation's address (printed on court copies), or null while not set. */
    public static String address(DSLContext tx) {
        String v = tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(ADDRESS_KEY)).fetchOne(APP_SETTING.SETTING_VALUE);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static void setOrganisation(DSLContext tx, String name) {
        String value = name == null ? "" : name.strip();
        int n = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value).where(APP_SETTING.SETTING_KEY.eq(ORGANISATION_KEY)).execute();
        if (n == 0) tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(ORGANISATION_KEY, value).execute();
    }
}

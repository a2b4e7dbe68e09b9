package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.APP_SETTING;

import org.jooq.DSLContext;

/** This installation's device code in app_setting (ADR 14); {@link DeviceCode} makes it. */
final class DeviceCodeRepository {
    private DeviceCodeRepository() {}

    /** The stored device code, or null. */
    static String deviceCode(DSLContext tx, String key) {
        return tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE);
    }
    /** Stores the code unless one is there already (two first registrations can race); returns the one kept. */
    static String keepDeviceCode(DSLContext tx, String key, String code) {
        tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, code)
                .onConflictDoNothing().execute();
        return tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchSingle(APP_SETTING.SETTING_VALUE);
    }
}

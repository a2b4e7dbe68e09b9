package org.haven.core.security;

import static org.haven.core.db.jooq.Tables.APP_SETTING;

import java.util.Optional;
import org.jooq.DSLContext;

/** Settings rows (app_setting) that security keeps: auto-lock delay, last backup time (ADR 14). */
final class SettingsRepository {
    private SettingsRepository() {}

    static Optional<String> read(DSLContext dsl, String key) {
        return Optional.ofNullable(dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE));
    }

    static void write(DSLContext tx, String key, String value) {
        int updated = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value).where(APP_SETTING.SETTING_KEY.eq(key)).execute();
        if (updated == 0) tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value).execute();
    }
}

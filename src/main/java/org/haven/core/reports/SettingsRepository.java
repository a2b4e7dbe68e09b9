package org.haven.core.reports;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.APP_SETTING_FILE;

import java.util.Optional;
import org.jooq.DSLContext;

/** The organisation's settings in app_setting and its logo in app_setting_file (ADR 14). */
final class SettingsRepository {
    private SettingsRepository() {}

    static Optional<OrganisationSettings.Logo> logo(DSLContext dsl, String key) {
        var r = dsl.selectFrom(APP_SETTING_FILE).where(APP_SETTING_FILE.SETTING_KEY.eq(key)).fetchOne();
        return r == null ? Optional.empty() : Optional.of(new OrganisationSettings.Logo(r.getContent(), r.getMediaType(), r.getWidth(), r.getHeight()));
    }

    /** Replaces the file setting (none when {@code logo} is null). */
    static void replaceLogo(DSLContext tx, String key, OrganisationSettings.Logo logo) {
        tx.deleteFrom(APP_SETTING_FILE).where(APP_SETTING_FILE.SETTING_KEY.eq(key)).execute();
        if (logo != null) {
            tx.insertInto(APP_SETTING_FILE, APP_SETTING_FILE.SETTING_KEY, APP_SETTING_FILE.MEDIA_TYPE, APP_SETTING_FILE.WIDTH,
                    APP_SETTING_FILE.HEIGHT, APP_SETTING_FILE.CONTENT).values(key, logo.type(), logo.width(), logo.height(), logo.bytes()).execute();
        }
    }

    static void write(DSLContext tx, String key, String value) {
        int n = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value).where(APP_SETTING.SETTING_KEY.eq(key)).execute();
        if (n == 0) tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value).execute();
    }

    /** The stored value, or null. */
    static String read(DSLContext dsl, String key) {
        return dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE);
    }
}

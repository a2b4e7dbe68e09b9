package org.haven.reports;

import static org.haven.db.jooq.Tables.APP_SETTING;

import java.util.LinkedHashMap;
import java.util.Map;
import org.haven.common.HavenException;
import org.haven.db.Database;
import org.haven.security.AuditLog;
import org.haven.security.Role;
import org.haven.security.Session;
import org.haven.summaries.SummarySettings;

/**
 * Whose documents Haven prints: the organisation's name and address, kept in app_setting and
 * printed at the head of summaries and reports. Administrators change them; each change is audited
 * (the key only: an address is the organisation's, but the audit log holds no free text).
 */
public final class OrganisationSettings {
    public static final String NAME = SummarySettings.ORGANISATION_KEY;
    public static final String ADDRESS = "organisation.address";
    /** The keys `settings set` accepts, in the order `settings list` prints them. */
    public static final java.util.List<String> KEYS = java.util.List.of(NAME, ADDRESS);
    private static final int MAX_LENGTH = 500;

    private final Database db;
    private final Session session;

    public OrganisationSettings(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Every organisation setting with its current value ("" when unset). */
    public Map<String, String> list() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : KEYS) out.put(key, read(key));
        return out;
    }

    public String name() {
        return SummarySettings.organisation(db.dsl());
    }

    public String address() {
        return read(ADDRESS);
    }

    public void set(String key, String value) {
        session.require(Role.ADMIN);
        if (!KEYS.contains(key)) {
            throw HavenException.badInput("Unknown setting " + key + "; use one of " + String.join(", ", KEYS) + ".");
        }
        String v = value == null ? "" : value.strip();
        // The name and address are printed on every document and in CLI tables: no terminal escapes or hidden line breaks.
        // (The zero-width space and joiners stay: Khmer text needs them.)
        if (org.haven.common.PlainText.lineProblem(v) != null) {
            throw HavenException.badInput(key + " contains control characters; type it as plain text.");
        }
        if (v.length() > MAX_LENGTH) throw HavenException.badInput(key + " is too long (at most " + MAX_LENGTH + " characters).");
        db.inTransactionRun(tx -> {
            int n = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, v).where(APP_SETTING.SETTING_KEY.eq(key)).execute();
            if (n == 0) tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, v).execute();
            AuditLog.record(tx, session.user(), "SETTING_CHANGED", "setting", null, key);
        });
    }

    private String read(String key) {
        String v = db.dsl().select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE);
        return v == null ? "" : v.strip();
    }
}

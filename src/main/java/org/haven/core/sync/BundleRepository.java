package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.APP_USER;

import java.util.UUID;
import org.haven.core.security.User;
import org.jooq.DSLContext;

/**
 * The SQL of USB bundles. At the office, one setting per laptop key: {@code sync.bundle.KEYID} holds
 * the account id, the device code, the secret (base64) and the last bundle number applied, tab-separated.
 * On a laptop, its own key, secret and numbers are settings too (LaptopSyncRepository).
 */
final class BundleRepository {
    private static final String PREFIX = "sync.bundle.";

    private BundleRepository() {}

    /** A laptop's bundle key as the office keeps it. */
    record OfficeKey(UUID keyId, UUID userId, String device, byte[] secret, long lastSeq) {}

    static void insert(DSLContext tx, OfficeKey k) {
        LaptopSyncRepository.setSetting(tx, PREFIX + k.keyId(), value(k));
    }

    /** Null when this office never made that key (a bundle for another office). Locked until the transaction ends. */
    static OfficeKey lockKey(DSLContext tx, UUID keyId) {
        String v = tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(PREFIX + keyId)).forUpdate()
                .fetchOne(APP_SETTING.SETTING_VALUE);
        if (v == null) return null;
        String[] p = v.split("\t");
        return new OfficeKey(keyId, UUID.fromString(p[0]), p[1], java.util.Base64.getDecoder().decode(p[2]), Long.parseLong(p[3]));
    }

    static void setLastSeq(DSLContext tx, OfficeKey k, long seq) {
        LaptopSyncRepository.setSetting(tx, PREFIX + k.keyId(), value(new OfficeKey(k.keyId(), k.userId(), k.device(), k.secret(), seq)));
    }

    /** The account a bundle's key belongs to; null when it is gone. */
    static User user(DSLContext tx, UUID id) {
        var row = tx.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOne();
        return row == null ? null : org.haven.core.security.AccountRepository.toUser(row);
    }

    private static String value(OfficeKey k) {
        return k.userId() + "\t" + k.device() + "\t" + java.util.Base64.getEncoder().encodeToString(k.secret()) + "\t" + k.lastSeq();
    }
}

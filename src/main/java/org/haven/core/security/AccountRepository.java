package org.haven.core.security;

import static org.haven.core.db.jooq.Tables.APP_USER;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.jooq.tables.records.AppUserRecord;
import org.jooq.DSLContext;

/**
 * Account rows (app_user) inside the caller's transaction (ADR 14); {@link Accounts} holds the rules
 * (who may, which checks, what is audited) and the key file.
 */
public final class AccountRepository {
    /** An account as stored: its user, whether it may log in, and (office database only) its password hash. */
    record Account(User user, boolean active, String passwordHash) {
        UUID id() {
            return user.id();
        }
    }

    private AccountRepository() {}

    /** The account's user: id, login, display name, roles, active. */
    public static User toUser(AppUserRecord row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : row.getRoles().split(",")) {
            if (!r.isBlank()) roles.add(Role.valueOf(r.trim()));
        }
        return new User(row.getId(), row.getUsername(), row.getDisplayName(), roles, row.getActive());
    }

    /** The account's login, or null when there is no such account. */
    public static String username(DSLContext dsl, UUID id) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.USERNAME);
    }

    /** The active accounts, by user name. */
    public static List<User> activeByUsername(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ACTIVE.isTrue()).orderBy(APP_USER.USERNAME).fetch(AccountRepository::toUser);
    }

    /** The user with this user name (active or not). */
    public static java.util.Optional<User> findByUsername(DSLContext dsl, String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional().map(AccountRepository::toUser);
    }

    /** The account with this user name, or null. */
    static Account byName(DSLContext dsl, String username) {
        AppUserRecord row = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        return row == null ? null : new Account(toUser(row), row.getActive(), row.getPasswordHash());
    }

    /** Whether the database has any account. */
    static boolean any(DSLContext dsl) {
        return dsl.fetchExists(APP_USER);
    }

    static boolean exists(DSLContext dsl, String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    /** Every account, by user name. */
    static List<User> all(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(AccountRepository::toUser);
    }

    static List<User> active(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ACTIVE.isTrue()).fetch(AccountRepository::toUser);
    }

    static User insert(DSLContext tx, UUID id, String username, String displayName, String roles) {
        OffsetDateTime now = OffsetDateTime.now();
        AppUserRecord row = tx.newRecord(APP_USER);
        row.setId(id);
        row.setUsername(username);
        row.setDisplayName(displayName);
        row.setRoles(roles);
        row.setActive(true);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.insert();
        return toUser(row);
    }

    /** Stores the password hash (office database), nothing else. */
    static void setPasswordHash(DSLContext tx, UUID id, String hash) {
        tx.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(id)).execute();
    }

    static void setDisplayName(DSLContext tx, UUID id, String displayName) {
        tx.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName).set(APP_USER.UPDATED_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(id)).execute();
    }

    static void setRoles(DSLContext tx, UUID id, String roles) {
        tx.update(APP_USER).set(APP_USER.ROLES, roles).set(APP_USER.UPDATED_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(id)).execute();
    }

    /** A new password hash (null on the embedded database) and whether it must be changed at the next login. */
    static void setPassword(DSLContext tx, UUID id, String hash, boolean mustChange) {
        tx.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUST_CHANGE_PASSWORD, mustChange).set(APP_USER.UPDATED_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(id)).execute();
    }

    static String passwordHash(DSLContext dsl, UUID id) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.PASSWORD_HASH);
    }

    static Boolean mustChangePassword(DSLContext dsl, UUID id) {
        return dsl.select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.MUST_CHANGE_PASSWORD);
    }

    /** Disabled, and its password hash (office database) gone. */
    static void disable(DSLContext tx, UUID id) {
        tx.update(APP_USER).set(APP_USER.ACTIVE, false).set(APP_USER.PASSWORD_HASH, (String) null).set(APP_USER.UPDATED_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(id)).execute();
    }

    /** Active again, with a temporary password to change at the next login. */
    static void enable(DSLContext tx, UUID id, String hash) {
        tx.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.ACTIVE, true).set(APP_USER.MUST_CHANGE_PASSWORD, true)
                .set(APP_USER.UPDATED_AT, OffsetDateTime.now()).where(APP_USER.ID.eq(id)).execute();
    }
}

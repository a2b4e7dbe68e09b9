package org.haven.security;

import static org.haven.db.jooq.Tables.APP_USER;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.haven.common.HavenException;
import org.haven.db.Database;
import org.haven.db.Ids;
import org.haven.db.jooq.tables.records.AppUserRecord;
import org.jooq.DSLContext;

/** Creating the database with its first administrator, logging in, and adding accounts. */
public final class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private Accounts() {}

    /** An open database and the user who unlocked it; the key stays in memory to add accounts. */
    public record Unlocked(Database database, User user, byte[] databaseKey) {}

    public static boolean isInitialized(Path home) {
        return KeyFile.existsIn(home) && Database.existsIn(home);
    }

    public static Unlocked createDatabase(Path home, String username, char[] password) {
        if (KeyFile.existsIn(home) || Database.existsIn(home)) {
            throw HavenException.badInput("A Haven database already exists in " + home + ": nothing was changed.");
        }
        checkUsername(username);
        checkPassword(password);
        byte[] key = KeyFile.newDatabaseKey();
        Database db = Database.open(home, key);
        User admin;
        try {
            admin = db.inTransaction(tx -> {
                User u = insertUser(tx, username, username, EnumSet.of(Role.ADMIN, Role.COORDINATOR));
                AuditLog.record(tx, u, "DATABASE_CREATED", "user", u.id(), null);
                return u;
            });
            KeyFile.create(home, username, password, key);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Unlocked(db, admin, key);
    }

    public static Unlocked login(Path home, String username, char[] password) {
        if (!isInitialized(home)) {
            throw new HavenException(HavenException.Kind.NOT_FOUND,
                    "No Haven database in " + home + ": create one with 'haven init --admin NAME' or the setup window.");
        }
        LoginThrottle throttle = new LoginThrottle(home);
        throttle.waitBeforeAttempt();
        byte[] key;
        try {
            key = KeyFile.load(home).unwrap(username, password);
        } catch (HavenException e) {
            if (e.kind() == HavenException.Kind.DENIED) throttle.recordFailure();
            throw e;
        }
        Database db = Database.open(home, key);
        try {
            User user = db.inTransaction(tx -> {
                AppUserRecord row = tx.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
                if (row == null || !row.getActive()) {
                    throw HavenException.denied("This account is disabled: ask an administrator.");
                }
                User u = toUser(row);
                int failures = throttle.failuresSinceLastSuccess();
                if (failures > 0) {
                    AuditLog.record(tx, null, "LOGIN_FAILED", "user", null, failures + " failed attempt(s) before this login");
                }
                AuditLog.record(tx, u, "LOGIN", "user", u.id(), null);
                return u;
            });
            throttle.recordSuccess();
            return new Unlocked(db, user, key);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Adds an account and wraps the database key for its password. Administrators only. */
    public static User addUser(Unlocked unlocked, String username, Set<Role> roles, char[] password) {
        new Session(unlocked.user()).require(Role.ADMIN);
        checkUsername(username);
        checkPassword(password);
        Path home = unlocked.database().home();
        KeyFile keyFile = KeyFile.load(home);
        if (keyFile.hasUser(username)) {
            throw HavenException.badInput("The user '" + username + "' already exists.");
        }
        User created = unlocked.database().inTransaction(tx -> {
            if (tx.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
                throw HavenException.badInput("The user '" + username + "' already exists.");
            }
            User u = insertUser(tx, username, username, roles);
            AuditLog.record(tx, unlocked.user(), "USER_ADDED", "user", u.id(), rolesText(roles));
            return u;
        });
        keyFile.wrapFor(username, password, unlocked.databaseKey());
        return created;
    }

    public static void changePassword(Unlocked unlocked, char[] oldPassword, char[] newPassword) {
        checkPassword(newPassword);
        Path home = unlocked.database().home();
        KeyFile keyFile = KeyFile.load(home);
        byte[] key = keyFile.unwrap(unlocked.user().username(), oldPassword);
        if (!Arrays.equals(key, unlocked.databaseKey())) throw KeyFile.corrupt();
        keyFile.wrapFor(unlocked.user().username(), newPassword, key);
        unlocked.database().inTransactionRun(tx ->
                AuditLog.record(tx, unlocked.user(), "PASSWORD_CHANGED", "user", unlocked.user().id(), null));
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw HavenException.badInput(
                    "A user name is 2 to 32 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
    }

    public static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw HavenException.badInput("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private static User insertUser(DSLContext tx, String username, String displayName, Set<Role> roles) {
        OffsetDateTime now = OffsetDateTime.now();
        AppUserRecord row = tx.newRecord(APP_USER);
        row.setId(Ids.newId());
        row.setUsername(username);
        row.setDisplayName(displayName);
        row.setRoles(rolesText(roles));
        row.setActive(true);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.insert();
        return toUser(row);
    }

    static String rolesText(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    public static User toUser(AppUserRecord row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : row.getRoles().split(",")) {
            if (!r.isBlank()) roles.add(Role.valueOf(r.trim()));
        }
        return new User(row.getId(), row.getUsername(), row.getDisplayName(), roles, row.getActive());
    }
}

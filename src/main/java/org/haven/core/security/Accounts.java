package org.haven.core.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.db.Ids;
import org.jooq.DSLContext;

/**
 * Creating the database with its first administrator, logging in, and adding accounts.
 *
 * <p>Longer than 400 lines: every account change here touches two things that must never disagree,
 * the account's row and its secret (its entry in the key file on a laptop, its password hash at the
 * office), under the same checks (password rules, the last active administrator, who may do it).
 * Logging in reads the same two. Kept in one class so that no change can update one and not the other.
 */
public final class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private Accounts() {}

    /** An open database and the user who unlocked it; the key stays in memory to add accounts. */
    public record Unlocked(Database database, User user, byte[] databaseKey) implements AutoCloseable {
        /** Closes the database (what Haven.close does). */
        @Override
        public void close() {
            database.close();
        }
    }

    public static boolean isInitialized(Path home) {
        return KeyFile.existsIn(home) && Database.existsIn(home);
    }

    public static Unlocked createDatabase(Path home, String username, char[] password) {
        return create(home, username, password, tx -> {
            User u = insertUser(tx, Ids.newId(), username, username, EnumSet.of(Role.ADMIN, Role.COORDINATOR));
            AuditLog.record(tx, u, "DATABASE_CREATED", "user", u.id(), null);
            return u;
        });
    }

    /**
     * A laptop's own database, made when it joins the office: its one account is the office account
     * that joined (the same id, name and roles, so what it records is theirs at the office), locked by
     * the password typed to join. Nobody else can log in here.
     */
    public static Unlocked createReplica(Path home, User officeUser, char[] password) {
        return create(home, officeUser.username(), password, tx -> {
            User u = insertUser(tx, officeUser.id(), officeUser.username(), officeUser.displayName(), officeUser.roles());
            AuditLog.record(tx, u, "DATABASE_JOINED", "user", u.id(), null);
            return u;
        });
    }

    private static Unlocked create(Path home, String username, char[] password, java.util.function.Function<DSLContext, User> firstUser) {
        if (KeyFile.existsIn(home) || Database.existsIn(home)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.databaseExists", home.toString());
        }
        checkUsername(username);
        checkPassword(password);
        byte[] key = KeyFile.newDatabaseKey();
        Database db = Database.open(home, key);
        User admin;
        try {
            admin = db.inTransaction(firstUser);
            KeyFile.create(home, username, password, key);
            db.inTransactionRun(AuditHeadGuard::markSealed);
            AuditHeadGuard.recordNow(db, key);
            AuditHeadGuard.keepHead(db, key);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Unlocked(db, admin, key);
    }

    /**
     * Creates the schema on an empty office database (PostgreSQL) and its first administrator, whose
     * password is kept as an Argon2id hash there (no key file: the server's own protections hold
     * the data, see docs/security.md). Refused when the database already has accounts.
     */
    public static Unlocked createDatabase(Path home, org.haven.core.db.OfficeConnection office, String username, char[] password) {
        if (office == null) return createDatabase(home, username, password);
        checkUsername(username);
        checkPassword(password);
        String hash = PasswordHash.of(password);
        Database db = Database.openOffice(home, office);
        AuditLog.sealAfterEveryCommit(db);
        try {
            User admin = db.inTransaction(tx -> {
                if (AccountRepository.any(tx)) {
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.officeHasAccounts", office.display());
                }
                User u = insertUser(tx, Ids.newId(), username, username, EnumSet.of(Role.ADMIN, Role.COORDINATOR));
                AccountRepository.setPasswordHash(tx, u.id(), hash);
                AuditLog.record(tx, u, "DATABASE_CREATED", "user", u.id(), null);
                return u;
            });
            return new Unlocked(db, admin, null);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Logs in to the office database: the service account opens the connection, the user's own
     * password is checked against their Argon2id hash, with the same growing delay as on a laptop.
     */
    public static Unlocked login(Path home, org.haven.core.db.OfficeConnection office, String username, char[] password) {
        if (office == null) return login(home, username, password);
        Database db = Database.openOffice(home, office);
        AuditLog.sealAfterEveryCommit(db);
        try {
            AccountRepository.Account row = AccountRepository.byName(db.dsl(), username);
            if (row == null && !AccountRepository.any(db.dsl())) {
                throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.account.officeNoAccounts", office.display());
            }
            AuditLog.sealPending(db); // failures of parallel attempts, committed but perhaps not sealed yet
            OfficeLoginDelay.waitFor(db.dsl(), row == null ? null : row.id());
            boolean ok;
            if (row == null) {
                PasswordHash.spendTime(password);
                ok = false;
            } else {
                ok = PasswordHash.matches(password, row.passwordHash());
            }
            if (!ok) {
                OfficeLoginDelay.recordFailure(db, row == null ? null : row.id());
                throw KeyFile.wrongPassword();
            }
            if (!row.active()) throw HavenException.of(HavenException.Kind.DENIED, "error.accountDisabled");
            User user = db.inTransaction(tx -> {
                User u = row.user();
                AuditLog.record(tx, u, "LOGIN", "user", u.id(), null);
                return u;
            });
            return new Unlocked(db, user, null);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public static Unlocked login(Path home, String username, char[] password) {
        if (Database.existsIn(home) && !KeyFile.existsIn(home)) throw KeyFile.missing();
        if (!isInitialized(home)) {
            throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.noDatabase", home.toString());
        }
        Database.requireWritable(home); // before counting the attempt in the key file: say "read-only", not "cannot write"
        LoginThrottle throttle = new LoginThrottle(home, username);
        throttle.begin();
        byte[] key;
        KeyFile keyFile;
        try {
            keyFile = KeyFile.load(home);
            key = keyFile.unwrap(username, password);
        } catch (HavenException e) {
            if (e.kind() != HavenException.Kind.DENIED) throttle.aborted();
            throw e; // a wrong password stays counted
        } catch (RuntimeException e) {
            throttle.aborted();
            throw e;
        }
        throttle.succeeded(); // the password was right, whatever the database says next
        Database db = Database.open(home, key, dsl -> AuditHeadGuard.check(dsl, keyFile, key));
        try {
            Map<String, Integer> pending = LoginThrottle.pending(home);
            User user = db.inTransaction(tx -> {
                AccountRepository.Account row = AccountRepository.byName(tx, username);
                if (row == null || !row.active()) {
                    throw HavenException.of(HavenException.Kind.DENIED, "error.accountDisabled");
                }
                User u = row.user();
                recordFailedLogins(tx, pending);
                AuditLog.record(tx, u, "LOGIN", "user", u.id(), null);
                AuditHeadGuard.markSealed(tx);
                return u;
            });
            LoginThrottle.acknowledge(home, pending);
            AuditLog.sealPending(db); // entries of a restored office backup that were still waiting
            AuditHeadGuard.recordNow(db, key); // also seals a key file of an older format
            AuditHeadGuard.keepHead(db, key);
            return new Unlocked(db, user, key);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** One LOGIN_FAILED entry per account (and one for unknown names) with the failures not yet audited. */
    private static void recordFailedLogins(DSLContext tx, Map<String, Integer> pending) {
        pending.forEach((bucket, n) -> {
            String name = LoginThrottle.userOf(bucket);
            AccountRepository.Account row = name == null ? null : AccountRepository.byName(tx, name);
            User who = row == null ? null : row.user();
            String detail = n + " failed attempt(s) before this login"
                    + (who != null ? "" : bucket.equals("legacy") ? " (counted by an earlier version)" : " with an unknown user name");
            AuditLog.record(tx, who, "LOGIN_FAILED", "user", who == null ? null : who.id(), detail);
        });
    }

    /** True for the refusal of a database older than its key file records (the window words it from its bundle). */
    public static boolean wentBack(Throwable error) {
        return error instanceof AuditHeadGuard.DatabaseWentBack;
    }

    /** Adds an account with only a login (documents for outside readers then name the person by role). */
    public static User addUser(Unlocked unlocked, String username, Set<Role> roles, char[] password) {
        return addUser(unlocked, username, null, roles, password);
    }

    /** The full name court and partner copies print instead of the login; null or blank: none. */
    static String checkFullName(String fullName) {
        if (fullName == null || fullName.isBlank()) return null;
        String v = fullName.strip();
        if (v.length() > 200) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.fullNameLength");
        if (v.codePoints().anyMatch(Character::isISOControl)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.fullNameControl");
        return v;
    }

    /** Sets (or, with a blank value, clears) an account's full name. Administrators only; audited (no value in the log). */
    public static void setFullName(Unlocked unlocked, String username, String fullName) {
        new Session(unlocked.user()).require(Role.ADMIN);
        String v = checkFullName(fullName);
        unlocked.database().inTransactionRun(tx -> {
            var row = AccountRepository.byName(tx, username);
            if (row == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.account.noUser", username);
            AccountRepository.setDisplayName(tx, row.id(), v == null ? username : v);
            AuditLog.record(tx, unlocked.user(), "USER_FULL_NAME_SET", "user", row.id(), null);
        });
    }

    /**
     * Changes an account's roles (administrators only; audited with the new roles). At least one role;
     * the last active administrator keeps the administrator role, and nobody removes it from themselves.
     */
    public static void setRoles(Unlocked unlocked, String username, Set<Role> roles) {
        new Session(unlocked.user()).require(Role.ADMIN);
        if (roles == null || roles.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.noRole");
        AccountRepository.Account row = existingUser(unlocked, username);
        boolean losesAdmin = row.user().has(Role.ADMIN) && !roles.contains(Role.ADMIN);
        if (losesAdmin && row.id().equals(unlocked.user().id())) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.ownAdmin");
        }
        unlocked.database().inTransactionRun(tx -> {
            if (losesAdmin && row.active() && activeAdmins(tx) <= 1) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.lastAdmin");
            }
            AccountRepository.setRoles(tx, row.id(), rolesText(roles));
            AuditLog.record(tx, unlocked.user(), "USER_ROLES_SET", "user", row.id(), rolesText(roles));
        });
    }

    /** Adds an account and wraps the database key for its password. Administrators only. */
    public static User addUser(Unlocked unlocked, String username, String fullName, Set<Role> roles, char[] password) {
        String full = checkFullName(fullName);
        new Session(unlocked.user()).require(Role.ADMIN);
        checkUsername(username);
        checkPassword(password);
        if (unlocked.database().isOffice()) {
            String hash = PasswordHash.of(password);
            return unlocked.database().inTransaction(tx -> {
                if (AccountRepository.exists(tx, username)) {
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.exists", username);
                }
                User u = insertUser(tx, Ids.newId(), username, full == null ? username : full, roles);
                AccountRepository.setPasswordHash(tx, u.id(), hash);
                AuditLog.record(tx, unlocked.user(), "USER_ADDED", "user", u.id(), rolesText(roles));
                return u;
            });
        }
        Path home = unlocked.database().home();
        KeyFile keyFile = KeyFile.load(home);
        if (keyFile.hasUser(username)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.exists", username);
        }
        User created = unlocked.database().inTransaction(tx -> {
            if (AccountRepository.exists(tx, username)) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.exists", username);
            }
            User u = insertUser(tx, Ids.newId(), username, full == null ? username : full, roles);
            AuditLog.record(tx, unlocked.user(), "USER_ADDED", "user", u.id(), rolesText(roles));
            return u;
        });
        keyFile.wrapFor(username, password, unlocked.databaseKey());
        return created;
    }

    /** The signed-in user chooses a new password; the old one must be given again (with the login delay). */
    public static void changePassword(Unlocked unlocked, char[] oldPassword, char[] newPassword) {
        checkPassword(newPassword);
        if (Arrays.equals(oldPassword, newPassword)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.samePassword");
        }
        Path home = unlocked.database().home();
        if (!verifyPassword(unlocked, oldPassword)) throw KeyFile.wrongPassword();
        String hash = storeSecret(unlocked, unlocked.user().username(), newPassword);
        unlocked.database().inTransactionRun(tx -> {
            AccountRepository.setPassword(tx, unlocked.user().id(), hash, false);
            AuditLog.record(tx, unlocked.user(), "PASSWORD_CHANGED", "user", unlocked.user().id(), null);
        });
    }

    /**
     * Checks the signed-in user's password again (unlocking after auto-lock, confirming a deletion).
     * Slow on purpose (Argon2id) and with the same growing delay as a login: call it off the FX thread.
     */
    public static boolean verifyPassword(Unlocked unlocked, char[] password) {
        Path home = unlocked.database().home();
        if (unlocked.database().isOffice()) {
            OfficeLoginDelay.waitFor(unlocked.database().dsl(), unlocked.user().id());
            String stored = AccountRepository.passwordHash(unlocked.database().dsl(), unlocked.user().id());
            if (PasswordHash.matches(password, stored)) return true;
            OfficeLoginDelay.recordFailure(unlocked.database(), unlocked.user().id());
            return false;
        }
        LoginThrottle throttle = new LoginThrottle(home, unlocked.user().username());
        throttle.begin();
        try {
            byte[] key = KeyFile.load(home).unwrap(unlocked.user().username(), password);
            boolean same = java.security.MessageDigest.isEqual(key, unlocked.databaseKey());
            Arrays.fill(key, (byte) 0);
            if (!same) throw KeyFile.corrupt();
            throttle.succeeded();
            return true;
        } catch (HavenException e) {
            if (e.kind() != HavenException.Kind.DENIED) {
                throttle.aborted();
                throw e;
            }
            unlocked.database().inTransactionRun(tx ->
                    AuditLog.record(tx, unlocked.user(), "PASSWORD_CHECK_FAILED", "user", unlocked.user().id(), null));
            throttle.failedAndAudited();
            return false;
        }
    }

    /** True after an administrator reset this user's password, until they choose their own. */
    public static boolean mustChangePassword(Unlocked unlocked) {
        Boolean flag = AccountRepository.mustChangePassword(unlocked.database().dsl(), unlocked.user().id());
        return Boolean.TRUE.equals(flag);
    }

    /** Every account (administrators only): for the user management screen. */
    public static java.util.List<User> listUsers(Unlocked unlocked) {
        new Session(unlocked.user()).require(Role.ADMIN);
        return AccountRepository.all(unlocked.database().dsl());
    }

    /**
     * An administrator sets a temporary password for a user who forgot theirs. Possible because the
     * administrator's unlocked session holds the database key: it is wrapped again for the user under
     * the new password. The user is asked to choose their own at the next login.
     */
    public static void resetPassword(Unlocked unlocked, String username, char[] temporaryPassword) {
        new Session(unlocked.user()).require(Role.ADMIN);
        checkPassword(temporaryPassword);
        AccountRepository.Account row = existingUser(unlocked, username);
        if (!row.active()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.disabledReset", username);
        String hash = storeSecret(unlocked, username, temporaryPassword);
        unlocked.database().inTransactionRun(tx -> {
            AccountRepository.setPassword(tx, row.id(), hash, true);
            AuditLog.record(tx, unlocked.user(), "PASSWORD_RESET", "user", row.id(), null);
        });
    }

    /**
     * Disables an account: it can no longer log in, and its entry in the key file is removed, so even
     * a copy of the program cannot unlock the data with that password. Its history stays.
     */
    public static void disableUser(Unlocked unlocked, String username) {
        new Session(unlocked.user()).require(Role.ADMIN);
        AccountRepository.Account row = existingUser(unlocked, username);
        if (row.id().equals(unlocked.user().id())) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.disableSelf");
        }
        if (row.user().has(Role.ADMIN) && activeAdmins(unlocked.database().dsl()) <= 1) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.lastAdmin");
        }
        unlocked.database().inTransactionRun(tx -> {
            AccountRepository.disable(tx, row.id());
            AuditLog.record(tx, unlocked.user(), "USER_DISABLED", "user", row.id(), null);
        });
        // After the commit: if this write fails the account is disabled anyway (login checks the flag).
        if (unlocked.database().isOffice()) return; // its hash went with the update above
        KeyFile keyFile = KeyFile.load(unlocked.database().home());
        if (keyFile.hasUser(username)) keyFile.remove(username, unlocked.databaseKey());
    }

    /** Enables a disabled account again with a new temporary password (its old entry is gone). */
    public static void enableUser(Unlocked unlocked, String username, char[] temporaryPassword) {
        new Session(unlocked.user()).require(Role.ADMIN);
        checkPassword(temporaryPassword);
        AccountRepository.Account row = existingUser(unlocked, username);
        if (row.active()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.alreadyActive", username);
        String hash = storeSecret(unlocked, username, temporaryPassword);
        unlocked.database().inTransactionRun(tx -> {
            AccountRepository.enable(tx, row.id(), hash);
            AuditLog.record(tx, unlocked.user(), "USER_ENABLED", "user", row.id(), null);
        });
    }

    /**
     * Keeps a new password for an account: on the embedded database the database key is wrapped for
     * it in the key file (and null is returned: no hash is stored); on the office database its
     * Argon2id hash is returned, for the caller's update.
     */
    private static String storeSecret(Unlocked unlocked, String username, char[] password) {
        if (unlocked.database().isOffice()) return PasswordHash.of(password);
        KeyFile.load(unlocked.database().home()).wrapFor(username, password, unlocked.databaseKey());
        return null;
    }

    private static AccountRepository.Account existingUser(Unlocked unlocked, String username) {
        AccountRepository.Account row = AccountRepository.byName(unlocked.database().dsl(), username);
        if (row == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.account.noUserNamed", username);
        return row;
    }

    private static int activeAdmins(DSLContext dsl) {
        return (int) AccountRepository.active(dsl).stream()
                .filter(u -> u.has(Role.ADMIN)).count();
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.username");
        }
    }

    public static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.passwordLength", String.valueOf(MIN_PASSWORD_LENGTH));
        }
        boolean blank = true;
        for (char c : password) blank &= Character.isWhitespace(c) || Character.isSpaceChar(c);
        if (blank) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.account.passwordBlank");
    }

    private static User insertUser(DSLContext tx, UUID id, String username, String displayName, Set<Role> roles) {
        return AccountRepository.insert(tx, id, username, displayName, rolesText(roles));
    }

    static String rolesText(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }
}

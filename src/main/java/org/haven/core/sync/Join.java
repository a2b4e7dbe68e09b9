package org.haven.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.cases.SearchIndex;
import org.haven.core.common.HavenException;
import org.haven.core.security.Accounts;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.User;

/**
 * `haven join`: this laptop becomes a replica of the office for one office account. It checks the
 * office's certificate against the pinned fingerprint and the account before writing anything, then
 * makes its own encrypted database with that account and the cases it may see, and builds the search
 * and duplicate indexes here. All or nothing: any failure leaves the data folder as empty as it was.
 */
public final class Join {
    public static final String OFFICE_URL = org.haven.core.changes.Outbox.OFFICE_URL;
    public static final String OFFICE_FINGERPRINT = "sync.office.fingerprint";
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final int REINDEX_CHUNK = 200;

    private Join() {}

    /** Joins and returns the number of cases received. */
    public static int join(Path home, String officeUrl, String fingerprint, String username, char[] password) {
        URI office = officeUri(officeUrl);
        String pin = fingerprint == null ? "" : fingerprint.strip();
        if (!FINGERPRINT.matcher(pin).matches()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.join.fingerprint");
        }
        requireEmpty(home);
        OfficeClient client = new OfficeClient(office, pin, username, password, "join");
        User me = whoami(client, username);

        boolean existed = Files.isDirectory(home);
        Haven haven = null;
        try {
            HttpResponse<Stream<String>> response = client.get("/v1/snapshot", HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) throw client.refused(response.statusCode());
                haven = new Haven(Accounts.createReplica(home, me, password));
                int cases = load(haven, lines.iterator(), me.id());
                remember(haven, office, pin);
                Bundle.ensureKey(haven, client);
                haven.close();
                haven = null;
                return cases;
            }
        } catch (RuntimeException | Error e) {
            if (haven != null) haven.close();
            removeWhatJoinWrote(home, existed);
            throw e;
        }
    }

    private static int load(Haven haven, Iterator<String> lines, UUID self) {
        Integer cases = null;
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                String[] parts = line.split("\t", 3);
                if (parts.length == 3 && parts[0].equals(Snapshot.ROWS)) {
                    try {
                        haven.database().inTransaction(tx -> SnapshotRepository.load(tx, parts[1], parts[2], self));
                    } catch (HavenException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // A damaged line or rows this database refuses: no message, it may hold data.
                        throw HavenException.of(HavenException.Kind.FAILURE, "error.join.unreadable", e.getClass().getSimpleName());
                    }
                } else if (parts.length == 3 && parts[0].equals(Snapshot.END)) {
                    cases = Integer.valueOf(parts[1]);
                    String seq = parts[2];
                    haven.database().inTransactionRun(tx -> SnapshotRepository.setting(tx, LaptopSync.OFFICE_SEQ, String.valueOf(Long.parseLong(seq))));
                    break;
                } else {
                    throw cut();
                }
            }
        } catch (UncheckedIOException | NumberFormatException e) {
            throw cut();
        }
        if (cases == null) throw cut();
        reindex(haven);
        return cases;
    }

    /** The search and duplicate indexes of every person received, built here as a registration builds them. */
    private static void reindex(Haven haven) {
        List<UUID> people = SnapshotRepository.personIds(haven.database().dsl());
        for (int from = 0; from < people.size(); from += REINDEX_CHUNK) {
            List<UUID> chunk = people.subList(from, Math.min(people.size(), from + REINDEX_CHUNK));
            haven.database().inTransactionRun(tx -> chunk.forEach(id -> SearchIndex.reindex(tx, id)));
        }
    }

    private static void remember(Haven haven, URI office, String pin) {
        User me = haven.user();
        haven.database().inTransactionRun(tx -> {
            SnapshotRepository.setting(tx, OFFICE_URL, office.toString());
            SnapshotRepository.setting(tx, OFFICE_FINGERPRINT, pin);
            AuditLog.record(tx, me, "SYNC_JOINED", "user", me.id(), office.getHost());
        });
    }

    /** Who the office says the account is; nothing is written before this succeeds. */
    private static User whoami(OfficeClient client, String username) {
        HttpResponse<String> response = client.get("/v1/whoami", HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw client.refused(response.statusCode());
        Map<String, String> fields = new HashMap<>();
        for (String line : response.body().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) fields.put(line.substring(0, tab), line.substring(tab + 1));
        }
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : fields.getOrDefault("roles", "").split(",")) {
                if (!r.isBlank()) roles.add(Role.valueOf(r.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            String name = fields.getOrDefault("name", "").isBlank() ? username : fields.get("name");
            return new User(UUID.fromString(fields.get("id")), fields.getOrDefault("user", username), name, roles, true);
        } catch (RuntimeException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.join.version");
        }
    }

    private static HavenException cut() {
        return HavenException.of(HavenException.Kind.FAILURE, "error.join.cut");
    }

    private static URI officeUri(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) throw new IllegalArgumentException();
            return uri;
        } catch (IllegalArgumentException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.join.office");
        }
    }

    private static void requireEmpty(Path home) {
        if (!Files.exists(home)) return;
        if (!Files.isDirectory(home)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.join.folderIsFile", home.toString());
        try (Stream<Path> entries = Files.list(home)) {
            if (entries.findAny().isPresent()) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.join.folderNotEmpty", home.toString());
            }
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.join.folderUnreadable", home.toString());
        }
    }

    /** The folder was empty (or missing) before: whatever is in it now, join wrote. */
    private static void removeWhatJoinWrote(Path home, boolean existed) {
        if (!Files.isDirectory(home)) return;
        try (Stream<Path> all = Files.walk(home)) {
            List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
            if (existed) paths.remove(home);
            for (Path p : paths) Files.deleteIfExists(p);
        } catch (IOException e) {
            // Left for the user to see; the message of the failure that got here says what went wrong.
        }
    }
}

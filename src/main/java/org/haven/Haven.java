package org.haven;

import java.nio.file.Path;
import org.haven.cases.CaseService;
import org.haven.db.Database;
import org.haven.matching.MatchService;
import org.haven.operations.OperationService;
import org.haven.reports.StatsService;
import org.haven.security.Accounts;
import org.haven.security.Session;
import org.haven.security.User;
import org.haven.timeline.TimelineService;

/**
 * An unlocked Haven: the open database, who is working, and the services they use. The GUI and
 * the CLI both start here, so they run the same rules.
 */
public final class Haven implements AutoCloseable {
    private final Accounts.Unlocked unlocked;
    private final Session session;
    private final CaseService cases;
    private final TimelineService timeline;
    private final OperationService operations;
    private final StatsService stats;
    private final MatchService matching;

    public Haven(Accounts.Unlocked unlocked) {
        this.unlocked = unlocked;
        this.session = new Session(unlocked.user());
        Database db = unlocked.database();
        this.cases = new CaseService(db, session);
        this.timeline = new TimelineService(db, session);
        this.operations = new OperationService(db, session);
        this.stats = new StatsService(db, session);
        this.matching = new MatchService(db, session, cases);
    }

    public static Haven login(Path home, String username, char[] password) {
        return new Haven(Accounts.login(home, username, password));
    }

    public static Haven create(Path home, String adminName, char[] password) {
        return new Haven(Accounts.createDatabase(home, adminName, password));
    }

    public Accounts.Unlocked unlocked() {
        return unlocked;
    }

    public Database database() {
        return unlocked.database();
    }

    public Session session() {
        return session;
    }

    public User user() {
        return session.user();
    }

    public CaseService cases() {
        return cases;
    }

    public TimelineService timeline() {
        return timeline;
    }

    public OperationService operations() {
        return operations;
    }

    public StatsService stats() {
        return stats;
    }

    /** Duplicate detection: likely matches, linking, merging. */
    public MatchService matching() {
        return matching;
    }

    @Override
    public void close() {
        unlocked.database().close();
    }
}

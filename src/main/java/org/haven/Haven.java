package org.haven;

import java.nio.file.Path;
import org.haven.cases.CaseService;
import org.haven.db.Database;
import org.haven.matching.MatchService;
import org.haven.operations.OperationService;
import org.haven.reports.CaseloadCounts;
import org.haven.screening.ScreeningService;
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
    private final CaseloadCounts stats;
    private final ScreeningService screening;
    private final MatchService matching;

    public Haven(Accounts.Unlocked unlocked) {
        this.unlocked = unlocked;
        this.session = new Session(unlocked.user());
        Database db = unlocked.database();
        this.cases = new CaseService(db, session);
        this.timeline = new TimelineService(db, session);
        this.operations = new OperationService(db, session);
        this.stats = new CaseloadCounts(db, session);
        this.screening = new ScreeningService(db, session);
        this.matching = new MatchService(db, session, cases);
        try {
            // An import killed between its parts is removed before anything is read (all or nothing).
            org.haven.intake.PendingImports.undoInterrupted(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public static Haven login(Path home, String username, char[] password) {
        return new Haven(Accounts.login(home, username, password));
    }

    public static Haven create(Path home, String adminName, char[] password) {
        return new Haven(Accounts.createDatabase(home, adminName, password));
    }

    /** Logs in to the office database ({@code office}), or to the embedded one in {@code home} when it is null. */
    public static Haven login(Path home, org.haven.db.OfficeConnection office, String username, char[] password) {
        return new Haven(Accounts.login(home, office, username, password));
    }

    /** Creates the schema and first administrator on an empty office database (or the embedded one when null). */
    public static Haven create(Path home, org.haven.db.OfficeConnection office, String adminName, char[] password) {
        return new Haven(Accounts.createDatabase(home, office, adminName, password));
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

    public CaseloadCounts stats() {
        return stats;
    }

    public ScreeningService screening() {
        return screening;
    }

    /** The anonymized export, with the screening columns (methods of control, exploitation, recruitment) and the case's trafficking details. */
    public org.haven.exports.AnonymizedExporter anonymizedExporter() {
        return new org.haven.exports.AnonymizedExporter(database(), session)
                .with(new org.haven.exports.ScreeningExportColumns())
                .with(new org.haven.exports.TraffickingExportColumns());
    }

    /** Statistics, including the screening results and the indicators found. */
    public org.haven.reports.StatisticsService statistics() {
        return new org.haven.reports.StatisticsService(database(), session)
                .with(screeningTable(org.haven.screening.ScreeningStats::determinations))
                .with(screeningTable(org.haven.screening.ScreeningStats::indicators))
                .with(screeningTable(org.haven.screening.ScreeningStats::labourExploitation));
    }

    private static org.haven.reports.StatsTableSource screeningTable(
            java.util.function.BiFunction<org.jooq.DSLContext, org.jooq.Condition, org.haven.screening.ScreeningStats.Table> query) {
        return (dsl, cases) -> {
            var t = query.apply(dsl, cases);
            long[][] counts = new long[t.counts().length][1];
            for (int i = 0; i < counts.length; i++) counts[i][0] = t.counts()[i];
            return new org.haven.reports.CountTable(t.id(), t.rows(), java.util.List.of(org.haven.reports.CountTable.COUNT), counts);
        };
    }

    /** Case summaries (PDF), with each case's latest screening in the summary's language. */
    public org.haven.summaries.SummaryService summaries() {
        return new org.haven.summaries.SummaryService(database(), session, org.haven.summaries.ScreeningSummaries::latest);
    }

    /** Imports of police and shelter lists, with the duplicate check of {@link #matching()}. */
    public org.haven.intake.ImportService importer() {
        return new org.haven.intake.ImportService(this, org.haven.intake.IntakeHooks.duplicateCheck(this));
    }

    /** The intake grid's drafts and registrations, with the duplicate check of {@link #matching()}. */
    public org.haven.intake.IntakeService intake() {
        return new org.haven.intake.IntakeService(this, org.haven.intake.IntakeHooks.duplicateCheck(this));
    }

    /** The audit log: reading it and verifying its chain. */
    public org.haven.security.AuditService audit() {
        return new org.haven.security.AuditService(database(), session);
    }

    /** The organisation's name, address and logo that head summaries and reports. */
    public org.haven.reports.OrganisationSettings organisation() {
        return new org.haven.reports.OrganisationSettings(database(), session);
    }

    /** The identified export (every field, for the organisation's own use; needs the export right). */
    public org.haven.exports.IdentifiedExport identifiedExport() {
        return new org.haven.exports.IdentifiedExport(database(), session);
    }

    /** Erasing a person and every trace of them (coordinators). */
    public org.haven.deletion.PersonDeletion personDeletion() {
        return new org.haven.deletion.PersonDeletion(database(), session);
    }

    /** Sync conflicts on the office database: the open ones, and a coordinator's choice (docs/sync.md). */
    public org.haven.sync.Conflicts conflicts() {
        return new org.haven.sync.Conflicts(database(), session);
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

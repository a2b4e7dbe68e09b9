package org.haven.core;

import java.nio.file.Path;
import org.haven.core.cases.CaseService;
import org.haven.core.db.Database;
import org.haven.core.matching.MatchService;
import org.haven.core.operations.OperationService;
import org.haven.core.reports.CaseloadCounts;
import org.haven.core.screening.ScreeningService;
import org.haven.core.security.Accounts;
import org.haven.core.security.Session;
import org.haven.core.security.User;
import org.haven.core.timeline.TimelineService;

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
            org.haven.core.intake.PendingImports.undoInterrupted(db);
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
    public static Haven login(Path home, org.haven.core.db.OfficeConnection office, String username, char[] password) {
        return new Haven(Accounts.login(home, office, username, password));
    }

    /** Creates the schema and first administrator on an empty office database (or the embedded one when null). */
    public static Haven create(Path home, org.haven.core.db.OfficeConnection office, String adminName, char[] password) {
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
    public org.haven.core.exports.AnonymizedExporter anonymizedExporter() {
        return new org.haven.core.exports.AnonymizedExporter(database(), session)
                .with(new org.haven.core.exports.ScreeningExportColumns())
                .with(new org.haven.core.exports.TraffickingExportColumns());
    }

    /** Statistics, including the screening results and the indicators found. */
    public org.haven.core.reports.StatisticsService statistics() {
        return new org.haven.core.reports.StatisticsService(database(), session)
                .with(screeningTable(org.haven.core.screening.ScreeningStats::determinations))
                .with(screeningTable(org.haven.core.screening.ScreeningStats::indicators))
                .with(screeningTable(org.haven.core.screening.ScreeningStats::labourExploitation));
    }

    private static org.haven.core.reports.StatsTableSource screeningTable(
            java.util.function.BiFunction<org.jooq.DSLContext, org.jooq.Condition, org.haven.core.screening.ScreeningStats.Table> query) {
        return (dsl, cases) -> {
            var t = query.apply(dsl, cases);
            long[][] counts = new long[t.counts().length][1];
            for (int i = 0; i < counts.length; i++) counts[i][0] = t.counts()[i];
            return new org.haven.core.reports.CountTable(t.id(), t.rows(), java.util.List.of(org.haven.core.reports.CountTable.COUNT), counts);
        };
    }

    /** Case summaries (PDF), with each case's latest screening in the summary's language. */
    public org.haven.core.summaries.SummaryService summaries() {
        return new org.haven.core.summaries.SummaryService(database(), session, org.haven.core.summaries.ScreeningSummaries::latest);
    }

    /** Imports of police and shelter lists, with the duplicate check of {@link #matching()}. */
    public org.haven.core.intake.ImportService importer() {
        return new org.haven.core.intake.ImportService(this, org.haven.core.intake.IntakeHooks.duplicateCheck(this));
    }

    /** The intake grid's drafts and registrations, with the duplicate check of {@link #matching()}. */
    public org.haven.core.intake.IntakeService intake() {
        return new org.haven.core.intake.IntakeService(this, org.haven.core.intake.IntakeHooks.duplicateCheck(this));
    }

    /** The audit log: reading it and verifying its chain. */
    public org.haven.core.security.AuditService audit() {
        return new org.haven.core.security.AuditService(database(), session);
    }

    /** The organisation's name, address and logo that head summaries and reports. */
    public org.haven.core.reports.OrganisationSettings organisation() {
        return new org.haven.core.reports.OrganisationSettings(database(), session);
    }

    /** The identified export (every field, for the organisation's own use; needs the export right). */
    public org.haven.core.exports.IdentifiedExport identifiedExport() {
        return new org.haven.core.exports.IdentifiedExport(database(), session);
    }

    /** Erasing a person and every trace of them (coordinators). */
    public org.haven.core.deletion.PersonDeletion personDeletion() {
        return new org.haven.core.deletion.PersonDeletion(database(), session);
    }

    /** Sync conflicts on the office database: the open ones, and a coordinator's choice (docs/sync.md). */
    public org.haven.core.sync.Conflicts conflicts() {
        return new org.haven.core.sync.Conflicts(database(), session);
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

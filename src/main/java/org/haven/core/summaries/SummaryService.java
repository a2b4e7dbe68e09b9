package org.haven.core.summaries;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.haven.core.access.CaseAccess;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.CaseRepository;
import org.haven.core.common.HavenException;
import org.haven.core.common.Messages;
import org.haven.core.db.Database;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationMembers;
import org.haven.core.operations.OperationRepository;
import org.haven.core.people.Person;
import org.haven.core.people.PersonRepository;
import org.haven.core.reports.SummarySettings;
import org.haven.core.screening.SharingConsent;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.haven.core.security.User;
import org.haven.core.summaries.pdf.SummaryPdf;
import org.haven.core.timeline.EventRepository;
import org.jooq.DSLContext;

/**
 * Case summaries as PDF, for one case, a selection or a whole operation.
 *
 * <p>Who may: anyone who may see the case (coordinators every case; caseworkers the cases
 * {@link CaseAccess} shows them, i.e. their own and those of operations they are a member of). A summary shows no more than
 * the case view already shows that user, and caseworkers in the field are the ones who hand a
 * partner a referral summary, so the rule is the same as for opening the case. For an operation,
 * the summary holds the cases of that operation the user can see. Every produced summary is audited
 * per case ({@code SUMMARY_PRINTED}, detail = audience), ids only.
 *
 * <p>The file is written to a temporary file in the destination folder and moved into place only
 * when complete; on any failure or cancellation the temporary file is deleted, so no half-written
 * PDF (and no stray copy of personal data) is left behind.
 *
 * <p>Longer than 400 lines: the ways a summary leaves Haven (one PDF of a batch, one file per case,
 * the bytes for the preview and the printer) share what must come first and last on each of them:
 * the visibility check, consent to sharing or an audited reason, the loading in chunks, the
 * temporary file moved into place and the audit per case. They are kept in one class so that no
 * path can skip one of these steps.
 */
public final class SummaryService {
    /** Progress of a long summary: cases done out of total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> {};
    }

    /** What was written. */
    public record Result(int cases, int pages) {}

    public static final int MAX_CASES = 5000;

    private final Database db;
    private final Session session;
    private final ScreeningSource screening;

    /** The data folder, which the window's save dialog never writes into. */
    public java.nio.file.Path dataFolder() {
        return db.home();
    }

    public SummaryService(Database db, Session session, ScreeningSource screening) {
        this.db = db;
        this.session = session;
        this.screening = screening == null ? ScreeningSource.NONE : screening;
    }

    /** The ids of cases given by number, in the order given (duplicates once). Unknown number: NOT_FOUND naming it. */
    public List<UUID> casesByNumber(List<String> numbers) {
        session.requireCaseData();
        if (numbers == null || numbers.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.noNumbers");
        // One read transaction for the whole list rather than one auto-committed connection use per query.
        for (String n : numbers) if (n == null || n.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.emptyNumber");
        return db.inTransaction(tx -> {
            // Two queries for the whole list (numbers as written, then which of them this user may see);
            // a number typed in other letters is looked up alone.
            List<String> upper = numbers.stream().map(n -> n.strip().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
            Map<String, UUID> byNumber = SummaryRepository.idsByNumber(tx, upper);
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            for (String n : numbers) {
                UUID id = byNumber.get(n.strip().toUpperCase(java.util.Locale.ROOT));
                if (id == null) {
                    id = CaseRepository.findByNumber(tx, n)
                            .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.noCase", n.strip())).id();
                }
                ids.add(id);
            }
            java.util.Set<UUID> visible = SummaryRepository.visible(tx, ids, session.user());
            for (UUID id : ids) if (!visible.contains(id)) CaseAccess.requireVisible(tx, session.user(), id); // says why
            return List.copyOf(ids);
        });
    }

    /** The case numbers of these cases, in the same order (for file names). */
    public List<String> caseNumbers(List<UUID> caseIds) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireAllVisible(tx, session.user(), caseIds);
            // One query per 1,000 cases rather than one per case.
            Map<UUID, String> numbers = new HashMap<>();
            for (int i = 0; i < caseIds.size(); i += 1000) {
                numbers.putAll(SummaryRepository.numbers(tx, caseIds.subList(i, Math.min(caseIds.size(), i + 1000))));
            }
            return caseIds.stream().map(id -> {
                String n = numbers.get(id);
                if (n == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone");
                return n;
            }).toList();
        });
    }

    /** The cases of an operation this user can see, by case number. */
    public List<UUID> casesOfOperation(String code) {
        session.requireCaseData();
        if (code == null || code.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.noCode");
        Operation op = OperationRepository.findByCode(db.dsl(), code.strip())
                .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.summary.noOperation", code.strip()));
        return casesOfOperation(op.id());
    }

    public List<UUID> casesOfOperation(UUID operationId) {
        session.requireCaseData();
        CaseQuery q = new CaseQuery(null, null, null, operationId, CaseQuery.SortColumn.CASE_NUMBER, false, 0, MAX_CASES + 1);
        List<UUID> ids = CaseRepository.search(db.dsl(), q, session.user()).stream().map(CaseListItem::caseId).toList();
        if (ids.isEmpty() && !session.user().seesAllCases() && !OperationMembers.isMember(db.dsl(), operationId, session.user().id())
                && SummaryRepository.operationHasCases(db.dsl(), operationId)) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.summary.notMember");
        }
        if (ids.isEmpty()) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.summary.noVisibleCase");
        if (ids.size() > MAX_CASES) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.tooMany", String.valueOf(MAX_CASES));
        return ids;
    }

    /** One case's summary, in words (for tests and for callers that lay it out themselves). Not audited: nothing leaves. */
    public CaseSummary summary(UUID caseId, SummaryOptions options) {
        session.requireCaseData();
        return load(caseId, options, builder(options)).summary();
    }

    /** The PDF in memory, for the preview and the print path. Not audited: call {@link #recordPrinted} when printed. */
    public byte[] render(List<UUID> caseIds, SummaryOptions options, Progress progress, BooleanSupplier cancelled) {
        session.requireCaseData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderTo(caseIds, options, out, progress, cancelled);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.summary.failed");
        }
        return out.toByteArray();
    }

    /**
     * Writes the summaries of these cases into one PDF at {@code target} (a batch gets a table of
     * contents), then records the audit rows. Cancelling leaves nothing at the target.
     */
    public Result writePdf(List<UUID> caseIds, SummaryOptions options, Path target, Progress progress, BooleanSupplier cancelled) {
        return writePdf(caseIds, options, target, progress, cancelled, null);
    }

    /**
     * Like {@link #writePdf(List, SummaryOptions, Path, Progress, BooleanSupplier)}, for an external or
     * court copy of cases without consent to data sharing: {@code consentOverride} is the reason the
     * user gave (kept in the audit log); without one such a copy is refused before anything is written.
     */
    public Result writePdf(List<UUID> caseIds, SummaryOptions options, Path target, Progress progress, BooleanSupplier cancelled,
                           String consentOverride) {
        session.requireCaseData();
        String reason = requireConsentOrReason(caseIds, options.audience(), consentOverride);
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.outputIsFolder", file.toString());
        Path temp = tempBeside(file);
        try {
            Result result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                result = renderTo(caseIds, options, out, progress, stop);
            }
            if (stop.getAsBoolean()) throw new CancellationException("cancelled");
            recordPrinted(caseIds, options.audience(), reason);
            move(temp, file);
            return result;
        } catch (IOException e) {
            throw failure(e, "error.summary.cannotWrite", file.toString(), e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(temp);
                org.haven.core.common.PendingParts.remove(db.home(), temp);
            } catch (IOException ignored) {
                // Best effort; the name says what it is.
            }
        }
    }

    /**
     * One PDF per case (the command line's {@code --split}): {@code files.get(i)} receives the summary
     * of {@code caseIds.get(i)}, each the same document {@link #writePdf} writes for that case alone.
     * As a batch: consent is checked once, the cases are read 50 to a transaction, the documents are
     * laid out on all cores (each is independent), and the audit rows are written in one transaction
     * after every file was rendered; only then are the files moved into place, so a failure or a
     * refusal leaves no file behind and nothing audited.
     */
    public Result writeEach(List<UUID> caseIds, List<Path> files, SummaryOptions options, String consentOverride) {
        session.requireCaseData();
        if (caseIds.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.nothing");
        if (files.size() != caseIds.size()) throw new IllegalArgumentException("one file per case");
        String reason = requireConsentOrReason(caseIds, options.audience(), consentOverride);
        SummaryBuilder builder = builder(options);
        Messages m = builder.messages();
        org.haven.core.pdf.Letterhead head = letterhead();
        List<Path> temps = new ArrayList<>();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "summary-pdf");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Integer>> rendered = new ArrayList<>(caseIds.size());
            int pages = 0;
            int done = 0;
            for (int i = 0; i < caseIds.size(); i += LOAD_CHUNK) {
                List<Loaded> chunk = load(caseIds.subList(i, Math.min(caseIds.size(), i + LOAD_CHUNK)), options, builder, () -> false);
                for (int j = 0; j < chunk.size(); j++) {
                    Path temp = tempBeside(files.get(i + j));
                    temps.add(temp);
                    CaseSummary s = chunk.get(j).summary();
                    rendered.add(pool.submit(() -> renderOne(s, m, head.copy(), temp)));
                }
                // At most two chunks read ahead of the rendering: memory stays flat up to the 5,000-case limit.
                while (rendered.size() - done > 2 * LOAD_CHUNK) pages += rendered.get(done++).get();
            }
            while (done < rendered.size()) pages += rendered.get(done++).get();
            recordPrinted(caseIds, options.audience(), reason);
            for (int i = 0; i < temps.size(); i++) move(temps.get(i), files.get(i).toAbsolutePath().normalize());
            return new Result(caseIds.size(), pages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw failure(cause, "error.summary.cannotWriteAll", cause.getClass().getSimpleName());
        } catch (IOException e) {
            throw failure(e, "error.summary.cannotWriteAll", e.getClass().getSimpleName());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Path temp : temps) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort; the name says what it is, and the next open deletes it.
                }
                org.haven.core.common.PendingParts.remove(db.home(), temp);
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A private temporary file beside {@code target}, recorded in the data folder first: a killed
     * process's half-written PDF is deleted on the next open.
     */
    private Path tempBeside(Path target) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw failure(null, "error.summary.noFolder", file.toString());
        Path temp = dir.resolve(".haven-summary-" + Long.toHexString(System.nanoTime()) + "-" + TEMP_COUNT.incrementAndGet() + ".haven-part");
        try {
            org.haven.core.common.PendingParts.add(db.home(), temp);
            org.haven.core.common.AtomicFiles.createPrivate(temp);
        } catch (IOException e) {
            org.haven.core.common.PendingParts.remove(db.home(), temp);
            throw failure(e, "error.summary.folderNotWritable", dir.toString());
        }
        return temp;
    }

    /** One case's document, as {@link #renderTo} lays out a single case; returns its page count. */
    private static int renderOne(CaseSummary s, Messages m, org.haven.core.pdf.Letterhead head, Path temp) throws IOException {
        try (SummaryPdf pdf = new SummaryPdf(false, m);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            pdf.letterhead(head);
            pdf.add(s);
            pdf.save(out, "Case summary " + s.caseNumber());
            return pdf.pageCount();
        }
    }

    /** Audits that these cases' summaries left Haven (saved or printed), in one transaction. */
    public void recordPrinted(List<UUID> caseIds, Audience audience) {
        recordPrinted(caseIds, audience, null);
    }

    /**
     * Audits that these cases' summaries left Haven; for an external or court copy of a case without
     * consent to data sharing, also a {@code CONSENT_OVERRIDE} entry with the reason (refused without one).
     */
    public void recordPrinted(List<UUID> caseIds, Audience audience, String consentOverride) {
        session.requireCaseData();
        String reason = SharingConsent.reason(consentOverride);
        User user = session.user();
        db.inTransactionRun(tx -> {
            CaseAccess.requireAllVisible(tx, user, caseIds);
            List<String> lacking = lackingConsent(tx, caseIds, audience);
            if (!lacking.isEmpty() && reason == null) throw SharingConsent.missing(lacking);
            // One entry per case, written as one batch (a batch of 200 cost 800 statements one by one).
            AuditLog.recordEach(tx, user, "SUMMARY_PRINTED", "case", caseIds, audience.name());
            if (lacking.isEmpty()) return;
            Map<String, UUID> idByNumber = new HashMap<>();
            for (int i = 0; i < caseIds.size(); i += 1000) {
                SummaryRepository.numbers(tx, caseIds.subList(i, Math.min(caseIds.size(), i + 1000)))
                        .forEach((id, number) -> idByNumber.put(number, id));
            }
            List<UUID> overridden = new ArrayList<>(lacking.size());
            for (String number : lacking) {
                UUID id = idByNumber.get(number);
                overridden.add(id != null ? id : CaseRepository.findByNumber(tx, number).orElseThrow().id());
            }
            AuditLog.recordEach(tx, user, "CONSENT_OVERRIDE", "case", overridden, "summary " + audience.name() + ": " + reason);
        });
    }

    /**
     * The case numbers among these whose latest screening records no consent to share with this
     * audience (none for an internal copy, which does not leave the organisation).
     */
    public List<String> casesWithoutSharingConsent(List<UUID> caseIds, Audience audience) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireAllVisible(tx, session.user(), caseIds);
            return lackingConsent(tx, caseIds, audience);
        });
    }

    private static List<String> lackingConsent(DSLContext tx, List<UUID> caseIds, Audience audience) {
        SharingConsent.Recipient r = recipient(audience);
        return r == null ? List.of() : SharingConsent.lacking(tx, caseIds, r);
    }

    /** Who an audience's copy goes to; null for the organisation's own staff. */
    static SharingConsent.Recipient recipient(Audience audience) {
        return switch (audience) {
            case INTERNAL -> null;
            case EXTERNAL -> SharingConsent.Recipient.PARTNER;
            case COURT -> SharingConsent.Recipient.COURT;
        };
    }

    /** Checked before a file is written: the reason, when one is needed (null when none is). */
    private String requireConsentOrReason(List<UUID> caseIds, Audience audience, String consentOverride) {
        String reason = SharingConsent.reason(consentOverride);
        if (recipient(audience) == null) return reason;
        List<String> lacking = db.inTransaction(tx -> {
            CaseAccess.requireAllVisible(tx, session.user(), caseIds); // never name a case the user cannot see
            return lackingConsent(tx, caseIds, audience);
        });
        if (!lacking.isEmpty() && reason == null) throw SharingConsent.missing(lacking);
        return reason;
    }

    /** The organisation name printed on summaries ("Haven" until set). */
    public String organisation() {
        return SummarySettings.organisation(db.dsl());
    }

    /** Sets the organisation name printed on summaries. Coordinators and administrators only; audited. */
    public void setOrganisation(String name) {
        if (!session.user().has(Role.COORDINATOR) && !session.user().has(Role.ADMIN)) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.summary.organisationDenied");
        }
        if (name == null || name.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.organisationEmpty");
        if (name.strip().length() > 120) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.organisationTooLong");
        db.inTransactionRun(tx -> {
            SummarySettings.setOrganisation(tx, name);
            AuditLog.record(tx, session.user(), "SETTING_UPDATE", "setting", null, SummarySettings.ORGANISATION_KEY);
        });
    }

    private Result renderTo(List<UUID> caseIds, SummaryOptions options, OutputStream out, Progress progress,
                            BooleanSupplier cancelled) throws IOException {
        if (caseIds.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.summary.nothing");
        Progress p = progress == null ? Progress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        SummaryBuilder builder = builder(options);
        Messages m = builder.messages();
        int total = caseIds.size();
        try (SummaryPdf pdf = new SummaryPdf(total > 1, m)) {
            pdf.letterhead(letterhead());
            p.update(0, total);
            String title = null;
            Set<Operation> operations = new LinkedHashSet<>();
            boolean withoutOperation = false;
            List<Loaded> chunk = List.of();
            for (int i = 0; i < total; i++) {
                if (stop.getAsBoolean()) throw new CancellationException("cancelled");
                // Read a chunk of cases in one transaction (one audit-head check, not one per case).
                if (i % LOAD_CHUNK == 0) {
                    chunk = load(caseIds.subList(i, Math.min(total, i + LOAD_CHUNK)), options, builder, stop);
                }
                Loaded l = chunk.get(i % LOAD_CHUNK);
                CaseSummary s = l.summary();
                if (l.operation() == null) withoutOperation = true;
                else operations.add(l.operation());
                if (title == null) title = total > 1 ? "Case summaries" : "Case summary " + s.caseNumber();
                pdf.add(s);
                p.update(i + 1, total);
            }
            if (stop.getAsBoolean()) throw new CancellationException("cancelled");
            if (total > 1) pdf.cover(cover(m, builder, options, operations, withoutOperation));
            pdf.save(out, title);
            return new Result(total, pdf.pageCount());
        }
    }

    /** The organisation's name, address and logo, as set (`haven settings`). */
    private org.haven.core.pdf.Letterhead letterhead() {
        org.haven.core.reports.OrganisationSettings settings = new org.haven.core.reports.OrganisationSettings(db, session);
        return new org.haven.core.pdf.Letterhead(settings.name(), settings.address(),
                settings.logo().map(org.haven.core.reports.OrganisationSettings.Logo::bytes).orElse(null));
    }

    /** A batch's cover: which operation, for whom, who produced it and when (the contents follow). */
    private static List<CaseSummary.Field> cover(Messages m, SummaryBuilder builder, SummaryOptions options,
                                                 Set<Operation> operations, boolean withoutOperation) {
        String operation;
        if (operations.size() == 1 && !withoutOperation) {
            Operation o = operations.iterator().next();
            operation = o.code() + " \u2014 " + o.name();
        } else if (operations.isEmpty()) {
            operation = m.t("summary.cover.noOperation");
        } else {
            operation = m.t("summary.cover.severalOperations",
                    operations.stream().map(Operation::code).sorted().collect(java.util.stream.Collectors.joining(", ")));
        }
        return List.of(
                new CaseSummary.Field(m.t("summary.field.operation"), operation, false),
                new CaseSummary.Field(m.t("summary.cover.audience"), m.label(options.audience()), false),
                new CaseSummary.Field(m.t("summary.cover.producedBy"), builder.producedBy(options.audience()), false),
                new CaseSummary.Field(m.t("summary.cover.producedOn"), builder.producedAt(), false));
    }

    private record Loaded(CaseSummary summary, Operation operation) {}

    private SummaryBuilder builder(SummaryOptions options) {
        Map<UUID, Staff> staff = new HashMap<>();
        for (User u : SummaryRepository.users(db.dsl())) staff.put(u.id(), staff(u));
        User me = session.user();
        Staff producer = staff.getOrDefault(me.id(), staff(me));
        return new SummaryBuilder(Messages.of(options.language()), organisation(), SummarySettings.address(db.dsl()), producer,
                staff, OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES));
    }

    /** The name a document may print beside the login, and the role that says what the person does. */
    private static Staff staff(User u) {
        Role role = u.has(Role.COORDINATOR) ? Role.COORDINATOR : u.has(Role.CASEWORKER) ? Role.CASEWORKER
                : u.has(Role.ADMIN) ? Role.ADMIN : null;
        return new Staff(u.username(), u.displayName(), role);
    }

    private Loaded load(UUID caseId, SummaryOptions options, SummaryBuilder builder) {
        return db.inTransaction(tx -> load(tx, caseId, options, builder));
    }

    /** How many cases of a batch are read in one transaction. */
    private static final int LOAD_CHUNK = 50;

    private List<Loaded> load(List<UUID> caseIds, SummaryOptions options, SummaryBuilder builder, BooleanSupplier stop) {
        return db.inTransaction(tx -> {
            CaseAccess.requireAllVisible(tx, session.user(), caseIds);
            List<Loaded> out = new ArrayList<>(caseIds.size());
            for (UUID id : caseIds) {
                if (stop.getAsBoolean()) throw new CancellationException("cancelled");
                out.add(loadVisible(tx, id, options, builder));
            }
            return out;
        });
    }

    private Loaded load(DSLContext tx, UUID caseId, SummaryOptions options, SummaryBuilder builder) {
        CaseAccess.requireVisible(tx, session.user(), caseId);
        return loadVisible(tx, caseId, options, builder);
    }

    /** A case already checked visible in this transaction. */
    private Loaded loadVisible(DSLContext tx, UUID caseId, SummaryOptions options, SummaryBuilder builder) {
        CaseDetails d = details(tx, caseId);
        ScreeningSummary s = screening.latest(tx, caseId, builder.messages()).orElse(null);
        return new Loaded(builder.build(d, s, options), d.operation());
    }

    private static CaseDetails details(DSLContext tx, UUID caseId) {
        CaseFile c = CaseRepository.find(tx, caseId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone"));
        Person p = PersonRepository.find(tx, c.personId()).orElseThrow();
        Operation o = c.operationId() == null ? null : OperationRepository.find(tx, c.operationId()).orElse(null);
        String assignee = c.assignedTo() == null ? null
                : SummaryRepository.username(tx, c.assignedTo());
        return new CaseDetails(c, p, o, assignee, EventRepository.forCase(tx, caseId));
    }

    private static void move(Path temp, Path file) throws IOException {
        org.haven.core.common.AtomicFiles.moveIntoPlace(temp, file);
    }

    private static HavenException failure(Throwable cause, String key, Object... args) {
        return HavenException.of(HavenException.Kind.FAILURE, cause, key, args);
    }
}

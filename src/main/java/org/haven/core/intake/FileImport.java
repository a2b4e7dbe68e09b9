package org.haven.core.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.SearchIndex;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.common.HavenException;
import org.haven.core.intake.ImportService.Held;
import org.haven.core.intake.ImportService.Report;
import org.haven.core.intake.ImportService.RowResult;
import org.haven.core.intake.ImportService.Target;
import org.haven.core.operations.Operation;
import org.haven.core.security.AuditLog;

/**
 * The CLI's import of a file ({@link ImportService#importFile}), streamed: a first pass checks
 * every row and keeps only what the report needs, a second pass writes the valid rows, in one
 * transaction or, for a large import on the embedded file, in parts of their own commits. The
 * window's import (a preview held in memory, then a commit) stays in {@link ImportService}.
 */
final class FileImport {
    private final ImportService service;
    private final Haven haven;
    private final DuplicateHook duplicates;
    private final int partRows;
    private final IntConsumer afterEachPart;

    FileImport(ImportService service, Haven haven, DuplicateHook duplicates, int partRows, IntConsumer afterEachPart) {
        this.service = service;
        this.haven = haven;
        this.duplicates = duplicates;
        this.partRows = partRows;
        this.afterEachPart = afterEachPart;
    }

    Report run(Path file, Path mappingFile, Target target, boolean skipInvalid, boolean dryRun, DuplicatePolicy duplicatePolicy) {
        haven.session().requireCaseData();
        Operation existing = service.resolve(target);
        LocalDate identifiedOn = ImportService.identifiedOn(existing);
        LocalDate today = LocalDate.now();
        ColumnMapping[] mapping = new ColumnMapping[1];
        List<RowResult> rejected = new ArrayList<>();
        List<RowResult> dups = new ArrayList<>();
        List<Held> flagged = new ArrayList<>();
        int[] valid = {0};
        CsvFiles.Scan first = CsvFiles.forEachRow(file, header -> {
            mapping[0] = mappingFile == null ? ColumnMapping.guess(header.names()) : ColumnMapping.read(mappingFile, header.names());
            ImportService.requireColumns(mapping[0]);
            return row -> {
                RowResult checked = service.check(row, mapping[0], identifiedOn, today);
                // The report needs the row numbers, errors and duplicates, not the people: they are not kept.
                if (!checked.valid()) rejected.add(new RowResult(checked.rowNumber(), null, null, checked.errors(), List.of()));
                else {
                    valid[0]++;
                    int hidden = duplicatePolicy == DuplicatePolicy.ALLOW ? 0 : duplicates.hiddenDuplicates(checked.person());
                    if (!checked.duplicates().isEmpty()) dups.add(new RowResult(checked.rowNumber(), null, null, List.of(), checked.duplicates()));
                    if (!checked.duplicates().isEmpty() || hidden > 0) flagged.add(new Held(checked.rowNumber(), checked.duplicates(), hidden));
                }
            };
        });
        String code = existing == null ? null : existing.code();
        // Rows that cannot go in under this policy: every flagged row when holding back; when linking, those with no visible match.
        List<Held> held = switch (duplicatePolicy) {
            case HOLD_BACK -> List.copyOf(flagged);
            case LINK -> flagged.stream().filter(h -> h.linkTo() == null).toList();
            case ALLOW -> List.of();
        };
        Map<Integer, UUID> linkTo = new HashMap<>();
        if (duplicatePolicy == DuplicatePolicy.LINK) {
            for (Held h : flagged) if (h.linkTo() != null) linkTo.put(h.rowNumber(), h.linkTo());
        }
        int toWrite = valid[0] - (skipInvalid ? held.size() : 0);
        if ((!rejected.isEmpty() || !held.isEmpty()) && !skipInvalid) return new Report(0, false, dryRun, code, rejected, dups, held, 0);
        if (dryRun) return new Report(toWrite, false, true, code, rejected, dups, held, linkTo.size());
        if (toWrite == 0) return new Report(0, false, false, code, rejected, dups, held, 0); // nothing to write
        Set<Integer> leaveOut = new HashSet<>();
        for (Held h : held) leaveOut.add(h.rowNumber());
        int allowed = duplicatePolicy == DuplicatePolicy.ALLOW ? flagged.size() : 0;
        String newCode = existing == null ? haven.operations().nextCode(today) : null;
        long sizeBefore = haven.database().fileSize();
        if (toWrite > partRows && !haven.database().isOffice()) {
            String saved = importInParts(file, first.sha256(), mapping[0], target, existing, newCode, identifiedOn, today,
                    leaveOut, linkTo, toWrite, rejected.size(), held.size(), allowed);
            haven.database().compactOnCloseIfGrown(sizeBefore);
            return new Report(toWrite, true, false, saved, List.copyOf(rejected), List.copyOf(dups), held, linkTo.size());
        }
        String savedCode = haven.database().inTransaction(tx -> {
            Operation op = existing != null ? existing : service.createOperation(tx, newCode, target.newOperationName().strip(), toWrite);
            SearchIndex.Batch index = new SearchIndex.Batch(tx);
            int[] done = {0};
            CsvFiles.Scan second = CsvFiles.forEachRow(file, header -> row -> {
                RowParser.Parsed parsed = RowParser.parse(ImportService.values(row, mapping[0]), identifiedOn, today);
                if (!parsed.valid()) return; // listed by the first pass (only with skipInvalid are there any)
                if (leaveOut.contains(row.number())) return; // held back (only with skipInvalid are there any)
                NewCase request = new NewCase(parsed.person(), op.id(), identifiedOn, null, null);
                UUID person = linkTo.get(row.number());
                CaseFile saved = person != null ? haven.cases().openNewCaseIn(tx, person, request, identifiedOn)
                        : haven.cases().registerIn(tx, request, identifiedOn, index);
                haven.cases().recordTraffickingDetailsIn(tx, saved.id(), parsed.trafficking());
                done[0]++;
            });
            if (!second.sha256().equals(first.sha256()) || done[0] != toWrite) {
                throw HavenException.of(HavenException.Kind.CONFLICT, "error.import.changedWhileImported");
            }
            index.flush();
            AuditLog.record(tx, haven.user(), "INTAKE_IMPORT", "operation", op.id(), "imported=" + done[0]
                    + ",skipped=" + rejected.size() + ",linked=" + linkTo.size() + ",heldBack=" + held.size());
            if (allowed > 0) {
                // An explicit choice to register likely duplicates as new people: on record, with how many.
                AuditLog.record(tx, haven.user(), "IMPORT_DUPLICATES_ALLOWED", "operation", op.id(), "rows=" + allowed);
            }
            return op.code();
        });
        haven.database().compactOnCloseIfGrown(sizeBefore);
        return new Report(toWrite, true, false, savedCode, List.copyOf(rejected), List.copyOf(dups), held, linkTo.size());
    }

    /** A row of the second pass waiting for its part's commit: the case to open, and the person to link it to (or null). */
    private record Row(NewCase request, TraffickingDetails trafficking, UUID linkTo) {}

    /**
     * The second pass of a large import on the embedded file: the rows are written in parts of
     * {@code partRows}, each its own commit, and the file is compacted between parts when it grew
     * ({@link org.haven.core.db.Database#compactIfGrownSince}). A pending mark ({@link PendingImports}),
     * committed with the first part and removed with the last, keeps it all or nothing: a failure on
     * the way removes what was written, and a killed import is removed at the next login.
     */
    private String importInParts(Path file, String firstSha256, ColumnMapping mapping, Target target, Operation existing,
                                 String newCode, LocalDate identifiedOn, LocalDate today, Set<Integer> leaveOut,
                                 Map<Integer, UUID> linkTo, int toWrite, int skipped, int heldBack, int allowed) {
        org.haven.core.db.Database db = haven.database();
        UUID importId = org.haven.core.db.Ids.newId();
        Operation op = db.inTransaction(tx -> {
            Operation o = existing != null ? existing : service.createOperation(tx, newCode, target.newOperationName().strip(), toWrite);
            PendingImportRepository.begin(tx, importId, o.id(), existing == null, haven.user());
            return o;
        });
        try {
            List<Row> part = new ArrayList<>(partRows);
            int[] done = {0};
            long[] baseline = {db.fileSize()};
            SearchIndex.Deferred index = new SearchIndex.Deferred();
            CsvFiles.Scan second = CsvFiles.forEachRow(file, header -> row -> {
                RowParser.Parsed parsed = RowParser.parse(ImportService.values(row, mapping), identifiedOn, today);
                if (!parsed.valid() || leaveOut.contains(row.number())) return; // listed or held back by the first pass
                part.add(new Row(new NewCase(parsed.person(), op.id(), identifiedOn, null, null), parsed.trafficking(),
                        linkTo.get(row.number())));
                if (part.size() == partRows) {
                    done[0] += writePart(importId, part, identifiedOn, index);
                    part.clear();
                    baseline[0] = db.compactIfGrownSince(baseline[0]);
                    afterEachPart.accept(done[0]);
                }
            });
            if (!second.sha256().equals(firstSha256) || done[0] + part.size() != toWrite) {
                throw HavenException.of(HavenException.Kind.CONFLICT, "error.import.changedWhileImported");
            }
            if (!part.isEmpty()) writePart(importId, part, identifiedOn, index);
            // The search and match index of the whole import, in key order (see SearchIndex.Deferred).
            index.write(db, ImportService.INDEX_ROWS_PER_COMMIT, () -> baseline[0] = db.compactIfGrownSince(baseline[0]));
            db.inTransactionRun(tx -> {
                PendingImportRepository.finish(tx, importId);
                AuditLog.record(tx, haven.user(), "INTAKE_IMPORT", "operation", op.id(), "imported=" + toWrite
                        + ",skipped=" + skipped + ",linked=" + linkTo.size() + ",heldBack=" + heldBack);
                if (allowed > 0) AuditLog.record(tx, haven.user(), "IMPORT_DUPLICATES_ALLOWED", "operation", op.id(), "rows=" + allowed);
            });
            return op.code();
        } catch (RuntimeException e) {
            // On a full disk the removal (which writes too) is left to the next login: the mark stays.
            if (!org.haven.core.common.DiskFull.isCause(e)) {
                try {
                    PendingImports.undo(db, importId);
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed); // the mark stays, and the next login removes the import
                }
            }
            throw e;
        }
    }

    private int writePart(UUID importId, List<Row> part, LocalDate identifiedOn, SearchIndex.Deferred index) {
        haven.database().inTransactionRun(tx -> {
            for (Row r : part) {
                CaseFile saved;
                if (r.linkTo() != null) {
                    saved = haven.cases().openNewCaseIn(tx, r.linkTo(), r.request(), identifiedOn);
                    PendingImportRepository.wrote(tx, importId, saved.id(), null);
                } else {
                    saved = haven.cases().registerIn(tx, r.request(), identifiedOn, index);
                    PendingImportRepository.wrote(tx, importId, saved.id(), saved.personId());
                }
                haven.cases().recordTraffickingDetailsIn(tx, saved.id(), r.trafficking());
            }
        });
        return part.size();
    }
}

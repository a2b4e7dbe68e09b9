package org.haven.core.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.cases.SearchIndex;
import org.haven.core.common.HavenException;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.operations.OperationMembers;
import org.haven.core.operations.OperationRepository;
import org.haven.core.operations.OperationService;
import org.haven.core.people.Person;
import org.haven.core.security.AuditLog;
import org.jooq.DSLContext;

/**
 * Imports a list of people from a CSV file (see docs/import.md): each valid row becomes a person
 * with an open case under the operation and an identification event (and the case's trafficking
 * details when the row gives them), all in ONE transaction.
 * Any invalid row means nothing is imported and every bad row is reported (row number and field,
 * never the value), unless invalid rows are skipped. A dry run checks and reports, writing nothing.
 *
 * <p>People are registered as identified on the operation's date (today for a new operation).
 * The window's import (a preview in memory, then a commit) is here; the CLI's streamed import of a
 * file, which may write a large file in parts, is {@link FileImport}.
 */
public final class ImportService {
    private static final List<IntakeField> REQUIRED = List.of(IntakeField.NAME_LATIN, IntakeField.SEX);

    /**
     * Rows per commit of a large import (the CLI's, on the embedded file): between parts the file can
     * be compacted, so one import never grows it to many times its data (docs/benchmarks.md).
     */
    public static final int PART_ROWS = 1000;

    /** Search and match index rows per commit when a large import writes its index after its parts. */
    static final int INDEX_ROWS_PER_COMMIT = 20_000;

    /**
     * Required fields no column is mapped to. A name column in either script is enough (a Chinese or
     * Khmer police list has no Latin column): the Latin name is then derived (see LatinNames).
     */
    static List<IntakeField> missingRequired(ColumnMapping mapping) {
        return REQUIRED.stream().filter(f -> mapping.column(f).isEmpty())
                .filter(f -> f != IntakeField.NAME_LATIN || mapping.column(IntakeField.NAME_NATIVE).isEmpty())
                .toList();
    }

    /** "name_latin (or name_native), sex": what a refused file lacks. */
    static String requiredHeaders(List<IntakeField> missing) {
        return String.join(", ", missing.stream()
                .map(f -> f == IntakeField.NAME_LATIN ? "name_latin (or name_native)" : f.header()).toList());
    }

    private final Haven haven;
    private final DuplicateHook duplicates;
    private final int partRows;
    private volatile IntConsumer afterEachPart = rows -> { };

    public ImportService(Haven haven, DuplicateHook duplicates) {
        this(haven, duplicates, PART_ROWS);
    }

    /** With another part size (tests: a few thousand rows in several parts). */
    public ImportService(Haven haven, DuplicateHook duplicates, int partRows) {
        if (partRows < 1) throw new IllegalArgumentException("partRows");
        this.haven = haven;
        this.duplicates = duplicates;
        this.partRows = partRows;
    }

    /** Where the people go: an existing operation (by code) or a new one (by name). Exactly one is set. */
    public record Target(String operationCode, String newOperationName) {
        public static Target existing(String code) {
            return new Target(code, null);
        }

        public static Target create(String name) {
            return new Target(null, name);
        }
    }

    /** One data row checked: the person to save, or its errors; and any likely duplicates. */
    public record RowResult(int rowNumber, Person person, TraffickingDetails trafficking, List<FieldError> errors,
                            List<DuplicateHook.PossibleDuplicate> duplicates) {
        public boolean valid() {
            return errors.isEmpty();
        }

        /** One line per error: {@code row 7: date_of_birth: cannot be in the future}. */
        public List<String> errorLines() {
            return errors.stream().map(e -> "row " + rowNumber + ": " + e).toList();
        }
    }

    /**
     * The window's decision for a line that is likely a person already in Haven: a new case of the
     * existing person (LINK, with that person), a new person (NEW, audited like --allow-duplicates),
     * or leave the line out (SKIP).
     */
    public record LineDecision(Kind kind, UUID personId) {
        public enum Kind { LINK, NEW, SKIP }

        public LineDecision {
            if (kind == Kind.LINK && personId == null) throw new IllegalArgumentException("a link needs the person");
        }
    }

    /**
     * Every row of a file checked against a mapping; {@code hidden}: for rows whose likely matches
     * include people in cases the user may not see, how many (by row number; never which).
     */
    public record Preview(CsvTable table, ColumnMapping mapping, LocalDate identifiedOn, List<RowResult> rows,
                          Map<Integer, Integer> hidden) {
        /** Valid rows that are likely people already in Haven (seen or hidden): they need a decision each. */
        public List<RowResult> flagged() {
            return rows.stream().filter(r -> r.valid() && (!r.duplicates().isEmpty() || hidden.getOrDefault(r.rowNumber(), 0) > 0))
                    .toList();
        }

        public int hiddenFor(int rowNumber) {
            return hidden.getOrDefault(rowNumber, 0);
        }

        public List<RowResult> valid() {
            return rows.stream().filter(RowResult::valid).toList();
        }

        public List<RowResult> invalid() {
            return rows.stream().filter(r -> !r.valid()).toList();
        }

        /** Required fields no column is mapped to. */
        public List<IntakeField> missingRequired() {
            return ImportService.missingRequired(mapping);
        }

        /** Headers of the columns nothing is read from. */
        public List<String> ignoredHeaders() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < table.headers().size(); i++) {
                if (!mapping.isMapped(i)) out.add(table.headers().get(i));
            }
            return out;
        }
    }

    /**
     * The outcome: how many were imported (or would be, in a dry run), the operation they went to,
     * the rows refused, rows that may duplicate people already in Haven, the rows held back for that
     * reason (nothing imported unless invalid rows are skipped), and how many were linked to existing people.
     */
    public record Report(int imported, boolean committed, boolean dryRun, String operationCode,
                         List<RowResult> rejected, List<RowResult> possibleDuplicates, List<Held> heldBack, int linked) {
        public Report(int imported, boolean committed, boolean dryRun, String operationCode,
                      List<RowResult> rejected, List<RowResult> possibleDuplicates) {
            this(imported, committed, dryRun, operationCode, rejected, possibleDuplicates, List.of(), 0);
        }
    }

    /**
     * A valid row held back as a likely duplicate: the cases it may duplicate that the user may see,
     * and how many more likely matches lie in cases they may not see (never which).
     */
    public record Held(int rowNumber, List<DuplicateHook.PossibleDuplicate> duplicates, int hidden) {
        /** One line per reason: {@code row 4: likely the person of case HVN-...-000012 (score 96; same name...)}. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (DuplicateHook.PossibleDuplicate d : duplicates) {
                out.add("row " + rowNumber + ": likely the person of case " + d.caseNumber() + " (score " + d.score() + "; " + d.reason() + ")");
            }
            if (hidden > 0) {
                out.add("row " + rowNumber + ": likely " + (hidden == 1 ? "a person" : hidden + " people")
                        + " in cases you cannot see: ask a coordinator before importing this row");
            }
            return out;
        }

        /** The person to link to: the best match the user may see, or null when only hidden ones exist. */
        UUID linkTo() {
            return duplicates.isEmpty() ? null : duplicates.get(0).personId();
        }
    }

    /** Told the rows written so far after each committed part of a large import (tests stop a child there). */
    public void afterEachPart(IntConsumer listener) {
        this.afterEachPart = listener;
    }

    /** Reads, checks and imports a file, holding back likely duplicates (the CLI's default). */
    public Report importFile(Path file, Path mappingFile, Target target, boolean skipInvalid, boolean dryRun) {
        return importFile(file, mappingFile, target, skipInvalid, dryRun, DuplicatePolicy.HOLD_BACK);
    }

    /**
     * Reads, checks and imports a file: the CLI's `import`. The file is streamed twice and never held
     * in memory: a first pass checks every row (and looks for likely duplicates), keeping only what
     * the report needs; when the import goes ahead, a second pass registers the valid rows in one
     * transaction. A file that changes between the passes is refused (nothing imported).
     *
     * <p>Likely duplicates follow {@code duplicates}: held back (nothing imported, or with skipInvalid
     * those rows left out), linked as new cases of the existing people, or imported as new people (audited).
     * A row whose only likely matches are in cases the user cannot see is never linked or imported
     * silently: it is held back under HOLD_BACK and LINK.
     */
    public Report importFile(Path file, Path mappingFile, Target target, boolean skipInvalid, boolean dryRun,
                             DuplicatePolicy duplicatePolicy) {
        return new FileImport(this, haven, duplicates, partRows, afterEachPart)
                .run(file, mappingFile, target, skipInvalid, dryRun, duplicatePolicy);
    }

    static void requireColumns(ColumnMapping mapping) {
        List<IntakeField> missing = missingRequired(mapping);
        if (!missing.isEmpty()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.missingColumns", String.valueOf(requiredHeaders(missing)));
        }
    }

    /** A row's cells by field; an empty document status means "unknown" (lists rarely say where the document is). */
    static Map<IntakeField, String> values(CsvTable.Row row, ColumnMapping mapping) {
        Map<IntakeField, String> values = new EnumMap<>(IntakeField.class);
        mapping.asMap().forEach((field, column) -> values.put(field, row.values().get(column)));
        String doc = values.get(IntakeField.DOCUMENT_STATUS);
        if (doc == null || doc.isBlank()) values.put(IntakeField.DOCUMENT_STATUS, DocumentStatus.UNKNOWN.name());
        return values;
    }

    /** One row checked, with the likely duplicates of a valid one. */
    RowResult check(CsvTable.Row row, ColumnMapping mapping, LocalDate identifiedOn, LocalDate today) {
        RowParser.Parsed parsed = RowParser.parse(values(row, mapping), identifiedOn, today);
        List<DuplicateHook.PossibleDuplicate> dups = parsed.valid() ? duplicates.likelyDuplicates(parsed.person()) : List.of();
        return new RowResult(row.number(), parsed.person(), parsed.trafficking(), parsed.errors(), dups);
    }

    /** The operation a target names (null for a new one); BAD_INPUT / NOT_FOUND when unusable. */
    public Operation resolve(Target target) {
        haven.session().requireCaseData();
        boolean hasCode = target.operationCode() != null && !target.operationCode().isBlank();
        boolean hasName = target.newOperationName() != null && !target.newOperationName().isBlank();
        if (hasCode == hasName) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.operationChoice");
        if (hasName) {
            if (target.newOperationName().strip().length() > 200) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.operationNameTooLong");
            if (org.haven.core.common.PlainText.lineProblem(target.newOperationName()) != null
                    || org.haven.core.common.PlainText.isVisiblyEmpty(target.newOperationName())) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.operationNamePlain");
            }
            return null;
        }
        Operation op = haven.operations().findByCode(target.operationCode())
                .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.import.noOperation", String.valueOf(target.operationCode().strip())));
        // Checked before the file is read: importing must never be a way into another team's operation.
        OperationMembers.requireMayAddPeople(haven.database().dsl(), haven.user(), op);
        return op;
    }

    /** The identification date for people registered under an operation: its date, or today for a new one. */
    public static LocalDate identifiedOn(Operation operation) {
        LocalDate today = LocalDate.now();
        return operation == null || operation.date().isAfter(today) ? today : operation.date();
    }

    /** Checks every row (no writes). {@code progress} (may be null) receives the number of rows checked so far. */
    public Preview preview(CsvTable table, ColumnMapping mapping, LocalDate identifiedOn, IntConsumer progress) {
        haven.session().requireCaseData();
        LocalDate today = LocalDate.now();
        List<RowResult> results = new ArrayList<>(table.rows().size());
        Map<Integer, Integer> hidden = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            RowResult checked = check(row, mapping, identifiedOn, today);
            results.add(checked);
            if (checked.valid()) {
                int h = duplicates.hiddenDuplicates(checked.person());
                if (h > 0) hidden.put(checked.rowNumber(), h);
            }
            if (progress != null) progress.accept(results.size());
        }
        return new Preview(table, mapping, identifiedOn, List.copyOf(results), Map.copyOf(hidden));
    }

    /**
     * Imports the preview's valid rows in one transaction, unless some row is invalid and
     * {@code skipInvalid} is false (then nothing is written and the report lists every bad row).
     * Likely duplicates are held back (not imported), as by the CLI: see the overload with decisions.
     */
    public Report commit(Preview preview, Target target, boolean skipInvalid, boolean dryRun, IntConsumer progress) {
        return commit(preview, target, skipInvalid, dryRun, progress, Map.of());
    }

    /**
     * Imports as {@link #commit(Preview, Target, boolean, boolean, IntConsumer)}, with the user's
     * decision for each line flagged as a likely duplicate (by row number): linked lines become new
     * cases of the existing person, NEW lines new people (audited IMPORT_DUPLICATES_ALLOWED with how
     * many, as --allow-duplicates), SKIP lines are left out. A flagged line without a decision is
     * never imported: it is held back and listed in the report. A LINK may only name a person the
     * user may see (checked when the case is opened).
     */
    public Report commit(Preview preview, Target target, boolean skipInvalid, boolean dryRun, IntConsumer progress,
                         Map<Integer, LineDecision> decisions) {
        haven.session().requireCaseData();
        List<IntakeField> missing = preview.missingRequired();
        if (!missing.isEmpty()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.missingColumns", String.valueOf(requiredHeaders(missing)));
        }
        Operation existing = resolve(target);
        List<RowResult> rejected = preview.invalid();
        List<RowResult> dups = preview.valid().stream().filter(r -> !r.duplicates().isEmpty()).toList();
        Map<Integer, UUID> linkTo = new HashMap<>();
        List<Held> held = new ArrayList<>();
        int allowed = 0;
        Set<Integer> leaveOut = new HashSet<>();
        for (RowResult r : preview.flagged()) {
            LineDecision d = decisions.get(r.rowNumber());
            if (d == null) {
                held.add(new Held(r.rowNumber(), r.duplicates(), preview.hiddenFor(r.rowNumber())));
                leaveOut.add(r.rowNumber());
            } else if (d.kind() == LineDecision.Kind.SKIP) {
                leaveOut.add(r.rowNumber());
            } else if (d.kind() == LineDecision.Kind.NEW) {
                allowed++;
            } else {
                linkTo.put(r.rowNumber(), d.personId());
            }
        }
        List<RowResult> valid = preview.valid().stream().filter(r -> !leaveOut.contains(r.rowNumber())).toList();
        String code = existing == null ? null : existing.code();
        if (!rejected.isEmpty() && !skipInvalid) return new Report(0, false, dryRun, code, rejected, dups, held, 0);
        if (dryRun) return new Report(valid.size(), false, true, code, rejected, dups, held, linkTo.size());
        if (valid.isEmpty()) return new Report(0, false, false, code, rejected, dups, held, 0); // nothing to write
        int allowedRows = allowed;
        String newCode = existing == null ? haven.operations().nextCode(LocalDate.now()) : null;
        long sizeBefore = haven.database().fileSize();
        String savedCode = haven.database().inTransaction(tx -> {
            Operation op = existing != null ? existing : createOperation(tx, newCode, target.newOperationName().strip(), valid.size());
            int done = 0;
            SearchIndex.Batch index = new SearchIndex.Batch(tx);
            for (RowResult r : valid) {
                NewCase request = new NewCase(r.person(), op.id(), preview.identifiedOn(), null, null);
                UUID person = linkTo.get(r.rowNumber());
                CaseFile saved = person != null
                        ? haven.cases().openNewCaseIn(tx, person, request, preview.identifiedOn()) // checks the user may see them
                        : haven.cases().registerIn(tx, request, preview.identifiedOn(), index);
                haven.cases().recordTraffickingDetailsIn(tx, saved.id(), r.trafficking());
                if (progress != null) progress.accept(++done);
            }
            index.flush();
            AuditLog.record(tx, haven.user(), "INTAKE_IMPORT", "operation", op.id(),
                    "imported=" + valid.size() + ",skipped=" + rejected.size() + ",linked=" + linkTo.size()
                            + ",heldBack=" + held.size());
            if (allowedRows > 0) {
                // An explicit choice to register likely duplicates as new people: on record, with how many.
                AuditLog.record(tx, haven.user(), "IMPORT_DUPLICATES_ALLOWED", "operation", op.id(), "rows=" + allowedRows);
            }
            return op.code();
        });
        haven.database().compactOnCloseIfGrown(sizeBefore);
        return new Report(valid.size(), true, false, savedCode, rejected, dups, held, linkTo.size());
    }

    /** A new operation for an import; its "people found" is the number of people the import registers. */
    Operation createOperation(DSLContext tx, String code, String name, int peopleFound) {
        Operation draft = new Operation(null, code, name, LocalDate.now(), null, null, null, peopleFound, null, 0);
        Operation saved = OperationRepository.insert(tx, draft, haven.user().id());
        AuditLog.record(tx, haven.user(), "OPERATION_CREATE", "operation", saved.id(), null);
        OperationService.joinAsCreator(tx, haven.user(), saved);
        return saved;
    }
}

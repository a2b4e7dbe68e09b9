package org.haven.core.exports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.common.CsvCells;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.exports.KAnonymizer.Published;
import org.haven.core.exports.KAnonymizer.Subject;
import org.haven.core.people.Sex;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The anonymized case-level export: one row per case, no identifying field, quasi-identifiers
 * generalized until every combination is shared by at least k rows ({@link KAnonymizer}), a fresh
 * random row id per export, rows in random order, and a report written beside the file.
 */
public final class AnonymizedExporter {
    public static final List<String> BASE_HEADERS = List.of("row_id", "identification_year", "identification_month",
            "age_band", "prs_Gender", "prs_Citizenship", "province", "cas_Status", "outcome", "majority_status");
    private static final int BATCH = 1000;

    /** Who receives the file decides the minimum k. */
    public enum Preset {
        PARTNER(5), PUBLIC(11);

        private final int k;

        Preset(int k) {
            this.k = k;
        }

        public int k() {
            return k;
        }

        public static Preset parse(String text) {
            for (Preset p : values()) {
                if (p.name().equalsIgnoreCase(text == null ? "" : text.trim())) return p;
            }
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.unknownPreset", String.valueOf(text));
        }
    }

    /** What to export. {@code k} null means the preset's k; {@code from}/{@code to} null mean open-ended. */
    public record Request(Preset preset, Integer k, YearMonth from, YearMonth to, List<String> operationCodes, Path output) {}

    /** What was written: counts and the k reached, also written to the report file. */
    public record Report(Path csv, Path reportFile, Path codebookFile, Preset preset, int kRequired, int kReached, int considered,
                         int exported, int suppressed, Map<KAnonymizer.Step, Integer> generalized,
                         YearMonth from, YearMonth to, List<String> operationCodes) {}

    /** One case as read from the database: only what the export needs, never identifying fields. */
    private record Source(UUID caseId, Subject subject, CaseStatus status, Outcome outcome) {}

    private final Database db;
    private final Session session;
    private final List<ExportColumns> extraColumns = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private static final int ID_BYTES = 12;
    private final byte[] idBuffer = new byte[ID_BYTES * BATCH];
    private int idPos = idBuffer.length;

    public AnonymizedExporter(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Adds columns from another feature (e.g. screening); see {@link ExportColumns}. */
    public AnonymizedExporter with(ExportColumns columns) {
        extraColumns.add(columns);
        return this;
    }

    /** The effective k for a request: the preset's, or a higher one; anything lower is refused. */
    public static int effectiveK(Preset preset, Integer k) {
        if (k == null) return preset.k();
        if (k < KAnonymizer.MIN_K) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.kTooSmall", String.valueOf(KAnonymizer.MIN_K));
        }
        if (k < preset.k()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.kLowered", preset.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(preset.k()));
        }
        return k;
    }

    public Report export(Request request) {
        session.require(Role.COORDINATOR);
        Preset preset = request.preset() == null ? Preset.PARTNER : request.preset();
        int k = effectiveK(preset, request.k());
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.fromAfterTo");
        }
        Path csv = request.output().toAbsolutePath();
        Path dir = csv.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.noFolder");
        }
        List<String> codes = request.operationCodes() == null ? List.of() : List.copyOf(request.operationCodes());
        DSLContext dsl = db.dsl();
        Condition where = ExportRepository.cases(session.user(), operationIds(dsl, codes), request.from(), request.to());

        List<Source> sources = read(dsl, where);
        List<Subject> subjects = new ArrayList<>(sources.size());
        for (Source s : sources) subjects.add(s.subject());
        KAnonymizer.Result result = KAnonymizer.anonymize(subjects, k);

        // Published rows in random order, so the file's order says nothing about when cases were entered.
        List<Integer> order = new ArrayList<>(result.exported());
        for (int i = 0; i < sources.size(); i++) {
            if (result.rows().get(i) != null) order.add(i);
        }
        Collections.shuffle(order, random);

        Path reportFile = reportPathFor(csv);
        Path codebookFile = siblingPath(csv, ".codebook.csv");
        Report report = new Report(csv, reportFile, codebookFile, preset, k, result.kReached(), sources.size(), result.exported(),
                result.suppressed(), result.generalized(), request.from(), request.to(), codes);
        List<UUID> exportedIds = new ArrayList<>(order.size());
        for (int i : order) exportedIds.add(sources.get(i).caseId());
        for (ExportColumns c : extraColumns) c.prepare(dsl, exportedIds, k);
        writeAtomically(csv, db.home(), out -> writeCsv(out, dsl, sources, result, order));
        writeAtomically(reportFile, db.home(), out -> out.write(ExportReport.text(report)));
        writeAtomically(codebookFile, db.home(), out -> writeCodebook(out, Codebook.of(k, extraColumns)));
        db.inTransaction(tx -> {
            AuditLog.record(tx, session.user(), "EXPORT_ANONYMIZED", null, null,
                    "preset=" + preset.name().toLowerCase() + " k=" + k + " kReached=" + result.kReached()
                            + " rows=" + result.exported() + " suppressed=" + result.suppressed()
                            + " from=" + (request.from() == null ? "-" : request.from())
                            + " to=" + (request.to() == null ? "-" : request.to())
                            + " operations=" + (codes.isEmpty() ? "all" : String.join(",", codes)));
            return null;
        });
        return report;
    }

    /** FILE.csv -> FILE.report.txt beside it. */
    public static Path reportPathFor(Path csv) {
        return siblingPath(csv, ".report.txt");
    }

    /** FILE.csv -> FILE.codebook.csv beside it. */
    public static Path codebookPathFor(Path csv) {
        return siblingPath(csv, ".codebook.csv");
    }

    private static Path siblingPath(Path csv, String suffix) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + suffix);
    }

    private static void writeCodebook(Writer out, Codebook codebook) throws IOException {
        CsvCells.Writer csv = new CsvCells.Writer(out);
        csv.record(Codebook.HEADERS);
        for (Codebook.Entry e : codebook.entries()) csv.record(e.cells());
    }

    /** The operations' ids, or null for every operation (no code given). */
    private static Set<UUID> operationIds(DSLContext dsl, List<String> codes) {
        if (codes.isEmpty()) return null;
        Set<UUID> ids = new HashSet<>();
        for (String code : codes) {
            UUID id = ExportRepository.operationId(dsl, code.trim());
            if (id == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.noOperation", code.trim());
            ids.add(id);
        }
        return ids;
    }

    /** Streams the cases (one query, fetched lazily in chunks) into compact in-memory rows. */
    private static List<Source> read(DSLContext dsl, Condition where) {
        List<Source> out = new ArrayList<>();
        ExportRepository.read(dsl, where, BATCH, r -> {
            LocalDate opened = r.openedOn();
            Integer age = ageAt(r.birthDate(), r.estimatedAge(), opened);
            Subject subject = new Subject(AgeBand.of(age), Sex.valueOf(r.sex()), r.nationality(), r.province(),
                    YearMonth.from(opened));
            out.add(new Source(r.caseId(), subject, CaseStatus.valueOf(r.status()),
                    r.outcome() == null ? null : Outcome.valueOf(r.outcome())));
        });
        return out;
    }

    /** Whole years at identification: from the date of birth when known, else the estimated age. */
    static Integer ageAt(LocalDate birth, Integer estimatedAge, LocalDate identified) {
        if (birth != null) {
            return birth.isAfter(identified) ? null : Period.between(birth, identified).getYears();
        }
        return estimatedAge;
    }

    private void writeCsv(Writer out, DSLContext dsl, List<Source> sources, KAnonymizer.Result result, List<Integer> order)
            throws IOException {
        List<String> headers = new ArrayList<>(BASE_HEADERS);
        for (ExportColumns c : extraColumns) headers.addAll(c.headers());
        Set<String> usedIds = new HashSet<>();
        CsvCells.Writer printer = new CsvCells.Writer(out);
        printer.record(headers);
        for (int start = 0; start < order.size(); start += BATCH) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + BATCH));
            List<Map<UUID, List<String>>> extras = new ArrayList<>();
            if (!extraColumns.isEmpty()) {
                List<UUID> ids = new ArrayList<>(batch.size());
                for (int i : batch) ids.add(sources.get(i).caseId());
                for (ExportColumns c : extraColumns) extras.add(c.valuesFor(dsl, ids));
            }
            for (int i : batch) {
                Source s = sources.get(i);
                Published p = result.rows().get(i);
                List<String> row = new ArrayList<>(headers.size());
                row.add(newRowId(usedIds));
                row.add(Integer.toString(p.year()));
                row.add(p.month());
                row.add(p.ageBand());
                row.add(p.gender());
                row.add(p.citizenship());
                row.add(p.province());
                row.add(s.status().htcds(s.outcome()));
                row.add(HtcdsValues.outcome(s.outcome()));
                row.add(Codebook.majorityStatus(p.ageBand()));
                for (int c = 0; c < extraColumns.size(); c++) {
                    List<String> values = extras.get(c).get(s.caseId());
                    int width = extraColumns.get(c).headers().size();
                    for (int j = 0; j < width; j++) row.add(values == null || j >= values.size() ? "" : values.get(j));
                }
                printer.record(row);
            }
        }
    }

    /**
     * 96 random bits, hex: drawn fresh for every row of every export, unrelated to any internal id.
     * Bits are drawn from the SecureRandom a batch at a time (one call instead of one per row).
     */
    private String newRowId(Set<String> used) {
        String id;
        do {
            if (idPos == idBuffer.length) {
                random.nextBytes(idBuffer);
                idPos = 0;
            }
            id = HexFormat.of().formatHex(idBuffer, idPos, idPos + ID_BYTES);
            idPos += ID_BYTES;
        } while (!used.add(id));
        return id;
    }

    @FunctionalInterface
    interface Content {
        void write(Writer out) throws IOException;
    }

    /** Writes to a temporary file in the destination folder, then moves it into place in one step. */
    static void writeAtomically(Path target, Path dataFolder, Content content) {
        org.haven.core.common.AtomicFiles.write(target, dataFolder, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.write(out);
            }
        });
    }
}

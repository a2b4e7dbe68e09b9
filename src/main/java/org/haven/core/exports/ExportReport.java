package org.haven.core.exports;

import java.time.LocalDate;
import java.util.Map;

/** The plain-text report written beside an anonymized export (FILE.report.txt). */
final class ExportReport {
    private ExportReport() {}

    static String text(AnonymizedExporter.Report r) {
        StringBuilder b = new StringBuilder();
        b.append("Haven anonymized export\n");
        b.append("file: ").append(r.csv().getFileName()).append('\n');
        b.append("created: ").append(LocalDate.now()).append('\n');
        b.append("preset: ").append(r.preset().name().toLowerCase()).append('\n');
        b.append("k required: ").append(r.kRequired()).append('\n');
        b.append("k reached: ").append(r.exported() == 0 ? "n/a (no rows exported)" : Integer.toString(r.kReached()))
                .append(" (the smallest group of rows sharing all quasi-identifiers)\n");
        b.append("period (identification date): ").append(r.from() == null ? "start" : r.from())
                .append(" to ").append(r.to() == null ? "now" : r.to()).append('\n');
        b.append("operations: ").append(r.operationCodes().isEmpty() ? "all" : String.join(", ", r.operationCodes())).append('\n');
        b.append("cases in the period: ").append(r.considered()).append('\n');
        b.append("rows exported: ").append(r.exported()).append('\n');
        b.append("rows suppressed: ").append(r.suppressed()).append('\n');
        b.append("generalizations applied:");
        if (r.generalized().isEmpty()) {
            b.append(" none\n");
        } else {
            b.append('\n');
            for (Map.Entry<KAnonymizer.Step, Integer> e : r.generalized().entrySet()) {
                b.append("  ").append(e.getKey().column()).append(": ").append(e.getKey().description()).append(": ").append(e.getValue()).append(" rows\n");
            }
        }
        b.append("codebook: ").append(r.codebookFile().getFileName()).append(" (column, HTCDS name, values, how generalized)\n");
        b.append("quasi-identifiers: age_band, prs_Gender, prs_Citizenship, province, identification_year, identification_month\n");
        b.append("never exported: names, aliases, document numbers, contacts, notes, photos, internal ids, case numbers,"
                + " dates of birth, exact dates and places\n");
        b.append("row_id: random for this file only; it cannot be joined with another export\n");
        return b.toString();
    }
}

package org.haven.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haven.core.Haven;
import org.haven.cli.HavenCli;
import org.haven.core.demo.DemoData;
import org.haven.testing.TestHaven;
import org.haven.testing.VeraPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * `haven report --stats -o FILE.pdf` is the same report as the window's Statistics page: every chart
 * the page draws is in the PDF (a tagged figure with alternative text, its caption giving the period
 * and the small-cell rule), months run oldest first on the charts, and the file is still PDF/A-2u.
 */
public class StatisticsReportCliTest {
    @TempDir Path dir;

    static final List<String> CHARTS = List.of("People by nationality", "People by sex", "People by age at identification",
            "Cases by status", "Outcomes by month closed", "Cases by operation", "Identifications per month",
            "Outcomes by nationality (closed cases)", "Days from identification to exit, by outcome",
            "Legal proceedings (cases)", "Services delivered (cases)");

    @Test
    void theCommandLineReportHoldsEveryChartOfTheStatisticsPage() throws Exception {
        HavenCli cli = new HavenCli(dir, TestHaven.ADMIN, new String(TestHaven.PASSWORD));
        try (Haven h = TestHaven.create(cli.home())) {
            new DemoData(h, 7).generate(400, null);
        }
        Path pdf = dir.resolve("stats.pdf");
        HavenCli.Run run = cli.run("report", "--stats", "--k", "11", "-o", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String keep = System.getProperty("haven.summary.keep");
        if (keep != null) java.nio.file.Files.copy(pdf, Path.of(keep).resolve("cli-stats.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> alts = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), alts, captions);
            for (String chart : CHARTS) assertThat(alts).as("a figure for " + chart).anyMatch(a -> a.startsWith(chart + ": chart"));
            assertThat(captions).hasSizeGreaterThanOrEqualTo(CHARTS.size());

            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            assertThat(text).contains("Period: all records · Operation: All operations · counts below 11 hidden, with secondary suppression (*)");
            assertThat(text).containsPattern("median \\d+ \\(quartiles \\d+ to \\d+\\), \\d+ cases");
            // The month axes (lines with several months side by side): oldest first, a hidden count marked.
            List<List<String>> axes = new ArrayList<>();
            Pattern month = Pattern.compile("\\d{4}-\\d{2}");
            for (String line : text.split("\n")) {
                List<String> months = new ArrayList<>();
                Matcher m = month.matcher(line);
                while (m.find()) months.add(m.group());
                if (months.size() >= 3) axes.add(months);
            }
            assertThat(axes).as("month axes of the two monthly charts").hasSizeGreaterThanOrEqualTo(2);
            for (List<String> axis : axes) assertThat(axis).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
            assertThat(text).containsPattern("\\d{4}-\\d{2} \\*");
        }

        VeraPdf.Verdict verdict = VeraPdf.validate(pdf, PDFAFlavour.PDFA_2_U);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2u failures").isEmpty();
        assertThat(verdict.compliant()).isTrue();
        VeraPdf.Verdict ua = VeraPdf.validate(pdf, PDFAFlavour.PDFUA_1);
        assertThat(ua.failures()).as("veraPDF PDF/UA-1 failures").isEmpty();
    }

    private static void figures(List<Object> kids, List<String> alts, List<String> captions) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                if (e.getStructureType().equals("Figure")) alts.add(e.getAlternateDescription());
                if (e.getStructureType().equals("Caption")) captions.add(e.getStructureType());
                figures(e.getKids(), alts, captions);
            }
        }
    }

}

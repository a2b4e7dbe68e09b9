package org.haven.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.cli.HavenCli;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven settings` and `haven report --stats` as a script runs them (a separate JVM): whose name heads
 * the summary and the statistics report, who may change it, and what the report says about itself.
 */
public class ReportCommandTest {
    @TempDir Path home;
    @TempDir Path out;

    record Run(int exit, String stdout, String stderr) {}

    Run haven(String user, String... args) throws IOException, InterruptedException {
        HavenCli.Run r = HavenCli.onHome(home, out, user, new String(TestHaven.PASSWORD)).run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    static String text(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static void writeLogo(Path file, int w, int h) throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(20, 90, 160));
        g.fillOval(2, 2, h - 4, h - 4);
        g.fillRect(h + 4, h / 3, w - h - 8, h / 3);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", file.toFile());
    }

    /** The pixel sizes (WxH) of the images drawn on a page. */
    public static List<String> imageSizes(Path pdf, int page) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var res = doc.getPage(page - 1).getResources();
            for (var name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                    out.add(img.getWidth() + "x" + img.getHeight());
                }
            }
        }
        return out;
    }

    @Test
    void theOrganisationHeadsSummaryAndStatisticsAndOnlyAdminsSetIt() throws Exception {
        String number;
        try (Haven h = TestHaven.create(home)) {
            CaseFile c = h.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Huong", "Nguyễn Thị Hương")));
            number = c.caseNumber();
            Accounts.addUser(h.unlocked(), "worker", Set.of(Role.CASEWORKER), TestHaven.PASSWORD);
        }

        Run set = haven(TestHaven.ADMIN, "settings", "set", "organisation.name", "Mekong Shelter Network");
        assertThat(set.exit()).as(set.stderr()).isZero();
        assertThat(haven(TestHaven.ADMIN, "settings", "set", "organisation.address", "12 Street 310, Phnom Penh").exit()).isZero();
        Path logo = out.resolve("logo.png");
        writeLogo(logo, 120, 40);
        Run setLogo = haven(TestHaven.ADMIN, "settings", "set", "organisation.logo", logo.toString());
        assertThat(setLogo.exit()).as(setLogo.stderr()).isZero();
        Run list = haven(TestHaven.ADMIN, "settings", "list");
        assertThat(list.stdout()).contains("organisation.name\tMekong Shelter Network", "organisation.address\t12 Street 310, Phnom Penh",
                "organisation.logo\tset (PNG, 120x40)");
        // Not an image, or too large: refused with one line, the logo kept.
        Path fake = out.resolve("fake.png");
        Files.writeString(fake, "not an image");
        Run notImage = haven(TestHaven.ADMIN, "settings", "set", "organisation.logo", fake.toString());
        assertThat(notImage.exit()).isEqualTo(2);
        assertThat(notImage.stderr().lines()).hasSize(1);
        Path huge = out.resolve("huge.png");
        byte[] big = new byte[(int) OrganisationSettings.MAX_LOGO_BYTES + 1];
        System.arraycopy(Files.readAllBytes(logo), 0, big, 0, (int) Files.size(logo));
        Files.write(huge, big);
        assertThat(haven(TestHaven.ADMIN, "settings", "set", "organisation.logo", huge.toString()).exit()).isEqualTo(2);
        // A folder or a device is not read (a device such as /dev/zero would never end).
        Run device = haven(TestHaven.ADMIN, "settings", "set", "organisation.logo", "/dev/zero");
        assertThat(device.exit()).isEqualTo(2);
        assertThat(device.stderr()).contains("not a folder or device");
        assertThat(haven(TestHaven.ADMIN, "settings", "set", "organisation.logo", out.toString()).stderr()).contains("not a folder or device");
        assertThat(haven("worker", "settings", "set", "organisation.logo", logo.toString()).exit()).isEqualTo(3);
        assertThat(haven(TestHaven.ADMIN, "settings", "list").stdout()).contains("organisation.logo\tset (PNG, 120x40)");

        Run denied = haven("worker", "settings", "set", "organisation.name", "Someone else");
        assertThat(denied.exit()).isEqualTo(3);
        assertThat(denied.stderr().lines()).hasSize(1);
        Run unknown = haven(TestHaven.ADMIN, "settings", "set", "organisation.colour", "red");
        assertThat(unknown.exit()).isEqualTo(2);
        Run escape = haven(TestHaven.ADMIN, "settings", "set", "organisation.name", "Evil\u001b[2J\rName");
        assertThat(escape.exit()).isEqualTo(2);
        assertThat(haven(TestHaven.ADMIN, "settings", "list").stdout()).contains("organisation.name\tMekong Shelter Network");

        Run summary = haven(TestHaven.ADMIN, "summary", "--case", number, "--audience", "court", "--consent-override", "tests: consent not recorded", "-o", out.resolve("s.pdf").toString());
        assertThat(summary.exit()).as(summary.stderr()).isZero();
        String s = text(out.resolve("s.pdf"));
        assertThat(s).contains("Mekong Shelter Network", "12 Street 310, Phnom Penh", "Vietnamese").doesNotContain("Haven");
        assertThat(imageSizes(out.resolve("s.pdf"), 1)).contains("120x40");
        // A one-event case fits on one page, the court copy with its whole certification.
        assertThat(summary.stdout()).contains("pages\t1\n");
        Run internal = haven(TestHaven.ADMIN, "summary", "--case", number, "--audience", "internal", "-o", out.resolve("i.pdf").toString());
        assertThat(internal.stdout()).contains("pages\t1\n");

        Run report = haven(TestHaven.ADMIN, "report", "--stats", "--from", "2020-01", "--to", "2030-12", "-o", out.resolve("stats.pdf").toString());
        assertThat(report.exit()).as(report.stderr()).isZero();
        String r = text(out.resolve("stats.pdf"));
        assertThat(r).contains("Mekong Shelter Network", "12 Street 310, Phnom Penh", "Statistics report", "Period: 2020-01 to 2030-12",
                "Produced on " + java.time.LocalDate.now(), "Counts below 5 are not shown", "Page 1 of ", "People by nationality")
                .doesNotContain("Haven", "Identified from");
        assertThat(imageSizes(out.resolve("stats.pdf"), 1)).contains("120x40");
        Run open = haven(TestHaven.ADMIN, "report", "--stats", "-o", out.resolve("open.pdf").toString());
        assertThat(open.exit()).as(open.stderr()).isZero();
        assertThat(text(out.resolve("open.pdf"))).contains("Period: all records").doesNotContain("Identified from", " - ");

        Run csv = haven(TestHaven.ADMIN, "report", "--stats", "-o", out.resolve("stats.csv").toString());
        assertThat(csv.exit()).as(csv.stderr()).isZero();
        assertThat(Files.readString(out.resolve("stats.csv"))).startsWith("\uFEFFtable,row,column,count");

        assertThat(haven("worker", "report", "--stats", "-o", out.resolve("w.pdf").toString()).exit()).isEqualTo(3);
        assertThat(haven(TestHaven.ADMIN, "report", "--stats", "--from", "2025-13", "-o", out.resolve("x.pdf").toString()).exit()).isEqualTo(2);
        assertThat(haven(TestHaven.ADMIN, "report", "--stats", "-o", out.resolve("x.txt").toString()).exit()).isEqualTo(2);
        assertThat(out.resolve("w.pdf")).doesNotExist();
        assertThat(out.resolve("x.pdf")).doesNotExist();
    }
}

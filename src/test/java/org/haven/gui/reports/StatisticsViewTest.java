package org.haven.gui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.demo.DemoData;
import org.haven.core.reports.StatisticsService;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StatisticsViewTest {
    static {
        // JavaFX 26's own headless glass platform replaces Monocle; testfx.headless=true (pom) would ask for Monocle.
        System.setProperty("testfx.headless", "false");
    }

    @TempDir static Path dir;
    static Haven haven;
    StatisticsView view;

    @BeforeAll
    static void fill() {
        haven = TestHaven.create(dir);
        new DemoData(haven, 3).generate(500, null);
    }

    @AfterAll
    static void close() {
        haven.close();
    }

    @Start
    void start(Stage stage) {
        view = new StatisticsView(haven);
        stage.setScene(new Scene(view, 1280, 800));
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    private void waitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.chart(StatisticsService.CASES_BY_STATUS) != null
                && !view.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long statusTotal() {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = (BarChart<String, Number>) view.chart(StatisticsService.CASES_BY_STATUS);
        long sum = 0;
        for (XYChart.Data<String, Number> d : chart.getData().get(0).getData()) sum += d.getYValue().longValue();
        return sum;
    }

    @Test
    void filtersChangeTheChartsAndChartsSaveAsPng(FxRobot robot) throws Exception {
        waitLoaded();
        long all = statusTotal();
        assertThat(all).isBetween(480L, 500L); // small cells may be hidden
        PieChart sex = (PieChart) view.chart(StatisticsService.PEOPLE_BY_SEX);
        assertThat(sex.getData()).isNotEmpty();

        // One operation: fewer cases.
        @SuppressWarnings("unchecked")
        ComboBox<StatisticsService.OperationChoice> op = robot.lookup("#stats-operation").queryAs(ComboBox.class);
        robot.interact(() -> op.getSelectionModel().select(1));
        waitLoaded();
        long oneOp = statusTotal();
        assertThat(oneOp).isLessThan(all);

        // Back to all operations and a period in the future: nothing.
        robot.interact(() -> op.getSelectionModel().select(0));
        waitLoaded();
        robot.clickOn("#stats-from").write("2999-01");
        robot.clickOn("#stats-to").write("2999-12");
        robot.clickOn("#stats-refresh");
        waitLoaded();
        assertThat(statusTotal()).isZero();
        assertThat(robot.lookup("#stats-status").queryLabeled().getText()).contains("5");

        // A chart as PNG.
        Path png = dir.resolve("status.png");
        var image = WaitForAsyncUtils.asyncFx(() -> ChartImages.snapshot(view.chart(StatisticsService.CASES_BY_STATUS))).get();
        ChartImages.writePng(image, png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void theOutcomesChartShowsEveryMonthOfItsTableInOrderWithHiddenCellsMarked(FxRobot robot) throws Exception {
        waitLoaded();
        var table = new StatisticsService(haven.database(), haven.session()).all(org.haven.core.reports.StatsFilter.all())
                .stream().filter(t -> t.id().equals(StatisticsService.OUTCOMES_BY_MONTH)).findFirst().orElseThrow();
        var protectedTable = org.haven.core.reports.SmallCells.protect(table, StatisticsView.K);
        assertThat(table.rows()).hasSizeGreaterThan(12);
        @SuppressWarnings("unchecked")
        var chart = (javafx.scene.chart.StackedBarChart<String, Number>) view.chart(StatisticsService.OUTCOMES_BY_MONTH);
        java.util.List<String> categories = WaitForAsyncUtils.asyncFx(() ->
                java.util.List.copyOf(((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories())).get();
        // Every month of the table, in the table's (chronological) order; a month with a hidden cell carries the mark.
        java.util.List<String> months = categories.stream().map(c -> c.replace(" *", "")).toList();
        assertThat(months).containsExactlyElementsOf(table.rows());
        assertThat(months).isSortedAccordingTo(java.util.Comparator.comparing(java.time.YearMonth::parse));
        boolean anyHidden = false;
        for (int i = 0; i < table.rows().size(); i++) {
            boolean hidden = false;
            for (int j = 0; j < table.columns().size(); j++) hidden |= protectedTable.isSuppressed(i, j);
            assertThat(categories.get(i).endsWith(" *")).as("month %s marked", table.rows().get(i)).isEqualTo(hidden);
            anyHidden |= hidden;
        }
        assertThat(anyHidden).as("the demo data has small cells to hide").isTrue();
    }

    @Test
    void donorChartsAreShownAndSavedImagesCarryPeriodAndRule(FxRobot robot) throws Exception {
        waitLoaded();
        for (String id : java.util.List.of(StatisticsService.IDENTIFICATIONS_BY_MONTH, StatisticsService.NATIONALITY_BY_OUTCOME,
                StatisticsService.TIME_TO_EXIT, StatisticsService.LEGAL_PROCEEDINGS, StatisticsService.SERVICES_DELIVERED,
                org.haven.core.screening.ScreeningStats.LABOUR_EXPLOITATION)) {
            assertThat(view.chart(id)).as(id).isNotNull();
            assertThat(view.chart(id).getTitle()).as(id).doesNotStartWith("stats.").isNotBlank();
        }
        assertThat(view.chart(StatisticsService.TIME_TO_EXIT).getTitle()).isEqualTo("Days from identification to exit, by outcome");

        robot.clickOn("#stats-from").write("2020-01");
        robot.clickOn("#stats-to").write("2030-12");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> k = robot.lookup("#stats-k").queryAs(ComboBox.class);
        robot.interact(() -> k.setValue(StatisticsView.K_PUBLIC));
        robot.clickOn("#stats-refresh");
        waitLoaded();
        assertThat(robot.lookup("#stats-status").queryLabeled().getText()).contains("11");
        String caption = WaitForAsyncUtils.asyncFx(view::pngCaption).get();
        assertThat(caption).contains("2020-01", "2030-12", "11");
        var image = WaitForAsyncUtils.asyncFx(() -> ChartImages.withCaption(
                ChartImages.snapshot(view.chart(StatisticsService.IDENTIFICATIONS_BY_MONTH)), caption)).get();
        Path png = dir.resolve("ids.png");
        ChartImages.writePng(image, caption, png);
        assertThat(ChartImages.caption(png)).isEqualTo("Period: 2020-01 to 2030-12 · counts below 11 hidden, with secondary suppression (*)");
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getHeight()).isGreaterThan(360);
    }

    @Test
    void theReportPdfHoldsEveryChartAndProtectedCounts(FxRobot robot) throws Exception {
        waitLoaded();
        var tables = new StatisticsService(haven.database(), haven.session()).all(org.haven.core.reports.StatsFilter.all());
        var texts = WaitForAsyncUtils.asyncFx(() -> view.pdfTexts(tables)).get();
        Path pdf = dir.resolve("stats.pdf");
        org.haven.core.reports.StatisticsPdf.write(tables, StatisticsView.K, texts, StatisticsView::pdfLabel, pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Statistics report", "People by nationality", "Outcomes by month closed", "Total", "Vietnam");
            assertThat(text).contains("Deported", "Repatriated");
        }
    }
}

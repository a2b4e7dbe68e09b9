package org.haven.gui.reports;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.Outcome;
import org.haven.core.reports.CountTable;
import org.haven.core.reports.SmallCells;
import org.haven.core.reports.StatisticsService;

/**
 * The charts of the statistics page ({@link StatisticsView}), drawn from tables the small-cell rule
 * has protected: a hidden count keeps its place on the axis, marked, and is never drawn.
 */
final class StatisticsCharts {
    private StatisticsCharts() {}

    /** The chart that suits the table: a pie for sex, stacked bars for the cross tables, quartiles for time to exit, else bars. */
    static Chart chart(SmallCells.Protected p) {
        return switch (p.table().id()) {
            case StatisticsService.PEOPLE_BY_SEX -> pie(p);
            case StatisticsService.OUTCOMES_BY_MONTH, StatisticsService.NATIONALITY_BY_OUTCOME -> stacked(p);
            case StatisticsService.TIME_TO_EXIT -> quartiles(p);
            default -> bars(p);
        };
    }

    private static Chart bars(SmallCells.Protected p) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        CountTable t = p.table();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            String label = StatisticsView.label(t.id(), t.rows().get(i));
            // A hidden count keeps its place on the axis, marked, so the reader knows it exists.
            if (p.isSuppressed(i, 0)) {
                categories.add(I18n.t("stats.hidden", label));
            } else {
                categories.add(label);
                series.getData().add(new XYChart.Data<>(label, t.count(i, 0)));
            }
        }
        x.setAutoRanging(false);
        x.getCategories().setAll(categories);
        x.setTickLabelRotation(90);
        chart.getData().add(series);
        return chart;
    }

    private static Chart pie(SmallCells.Protected p) {
        PieChart chart = new PieChart();
        chart.setLabelsVisible(false);
        CountTable t = p.table();
        for (int i = 0; i < t.rows().size(); i++) {
            if (!p.isSuppressed(i, 0) && t.count(i, 0) > 0) {
                chart.getData().add(new PieChart.Data(StatisticsView.label(t.id(), t.rows().get(i)) + " (" + t.count(i, 0) + ")", t.count(i, 0)));
            } else if (p.isSuppressed(i, 0)) {
                chart.getData().add(new PieChart.Data(I18n.t("stats.hidden", StatisticsView.label(t.id(), t.rows().get(i))), 0));
            }
        }
        return chart;
    }

    /**
     * Time to exit per outcome: three bars (first quartile, median, third quartile) per outcome; an
     * outcome with fewer than k cases keeps its place on the axis, marked, without bars.
     */
    private static Chart quartiles(SmallCells.Protected p) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(I18n.t("stats.days"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        CountTable t = p.table();
        List<String> categories = new ArrayList<>();
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (int j = 1; j < t.columns().size(); j++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(I18n.t("stats.column." + t.columns().get(j)));
            series.add(s);
        }
        for (int i = 0; i < t.rows().size(); i++) {
            String label = StatisticsView.label(t.id(), t.rows().get(i));
            if (p.isSuppressed(i, 0)) {
                categories.add(I18n.t("stats.hidden", label));
            } else if (t.count(i, 0) > 0) {
                categories.add(label);
                for (int j = 1; j < t.columns().size(); j++) series.get(j - 1).getData().add(new XYChart.Data<>(label, t.count(i, j)));
            }
        }
        x.setAutoRanging(false);
        x.getCategories().setAll(categories);
        chart.getData().addAll(series);
        return chart;
    }

    /**
     * A cross table as stacked bars: one series per column (outcomes: repatriation and deportation
     * never merge), one category per row.
     */
    private static Chart stacked(SmallCells.Protected p) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        CountTable t = p.table();
        // Every month of the table, in its order, marked when one of its counts is hidden. The axis is
        // fixed: auto-ranging would rebuild the categories from the series (months of later series
        // appended at the end, months with no shown count dropped).
        List<String> months = new ArrayList<>(t.rows().size());
        for (int i = 0; i < t.rows().size(); i++) {
            boolean hidden = false;
            for (int j = 0; j < t.columns().size(); j++) hidden |= p.isSuppressed(i, j);
            String row = StatisticsView.label(t.id(), t.rows().get(i));
            months.add(hidden ? I18n.t("stats.hidden", row) : row);
        }
        x.setAutoRanging(false);
        x.getCategories().setAll(months);
        x.setTickLabelRotation(90);
        for (int j = 0; j < t.columns().size(); j++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(I18n.label(Outcome.valueOf(t.columns().get(j))));
            for (int i = 0; i < months.size(); i++) {
                if (!p.isSuppressed(i, j) && t.count(i, j) > 0) series.getData().add(new XYChart.Data<>(months.get(i), t.count(i, j)));
            }
            chart.getData().add(series);
        }
        return chart;
    }
}

package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;

import org.haven.core.common.Languages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.CaseStatus;
import org.haven.gui.cases.PersonFormDialog;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Sex;

/**
 * Not a test: takes the README screenshots from a real window (run under Xvfb, see
 * assets/screenshots/README.md). Logs in with HAVEN_USER / HAVEN_PASSWORD to the data folder HAVEN_HOME.
 */
public final class ScreenshotTour {
    private static Path out;
    /** The window's size: -Dtour.size=1024x700 (the smallest laptop screens in the field) by default. */
    private static final String SIZE = System.getProperty("tour.size", "1024x700");
    private static final int WIDTH = Integer.parseInt(SIZE.split("x")[0]);
    private static final int HEIGHT = Integer.parseInt(SIZE.split("x")[1]);
    /** Appended to each file name, e.g. -Dtour.suffix=-1024-km (the language comes from the data folder). */
    private static final String SUFFIX = System.getProperty("tour.suffix", "");
    private static MainWindow window;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Application.launch(App.class, args);
    }

    /** The JavaFX side (a main class that extends Application cannot start from the class path). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            ScreenshotTour.start(stage);
        }
    }

    static void start(Stage stage) throws Exception {
        Theme.apply();
        I18n.setLocale(Languages.load(HavenApp.home())); // as HavenApp does: the saved language
        Haven haven = Haven.login(HavenApp.home(), System.getenv("HAVEN_USER"), System.getenv("HAVEN_PASSWORD").toCharArray());
        window = new MainWindow(haven, stage);
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.t("app.title"));
        stage.show();
        Thread tour = new Thread(() -> {
            try {
                tour(stage, haven);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(() -> {
                    window.close();
                    Platform.exit();
                });
            }
        });
        tour.setDaemon(true);
        tour.start();
    }

    private static void tour(Stage stage, Haven haven) throws Exception {
        Files.createDirectories(out);
        until(() -> window.caseList().isLoaded());
        Thread.sleep(800);
        shoot(stage.getScene(), "case-list.png");

        fx(() -> {
            PersonFormDialog.newCase(window);
            return null;
        });
        Thread.sleep(1500);
        Scene form = fx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene());
        fx(() -> {
            ((TextField) form.lookup("#personNameLatin")).setText("Sok Chenda");
            ((TextField) form.lookup("#personNameNative")).setText("សុខ ចិន្តា");
            ((TextField) form.lookup("#personAliases")).setText("Da");
            ((ComboBox<Sex>) form.lookup("#personSex")).setValue(Sex.FEMALE);
            ((DatePicker) form.lookup("#personBirthDate")).setValue(LocalDate.now().plusYears(1));
            ((TextField) form.lookup("#personNationality")).setText("Cambodia");
            ((TextField) form.lookup("#personLanguages")).setText("km, th");
            ((ComboBox<DocumentStatus>) form.lookup("#personDocumentStatus")).setValue(DocumentStatus.CONFISCATED);
            ((TextField) form.lookup("#personDocumentNumber")).setText("N0 12");
            form.lookup("#personNameLatin").requestFocus();
            return null;
        });
        Thread.sleep(1200);
        shoot(form, "case-form.png");
        fx(() -> {
            ((Stage) form.getWindow()).close();
            return null;
        });

        // The case with the richest timeline among some legal-process cases.
        List<CaseListItem> candidates = haven.cases().search(new CaseQuery(null, CaseStatus.LEGAL_PROCESS, "KH", null,
                CaseQuery.SortColumn.CASE_NUMBER, false, 0, 15));
        if (candidates.isEmpty()) candidates = haven.cases().search(CaseQuery.text(null, 15));
        CaseListItem best = candidates.stream()
                .max(Comparator.comparingInt(c -> haven.timeline().events(c.caseId()).size())).orElseThrow();
        // An event known only approximately, to show how such dates appear.
        List<org.haven.core.timeline.CaseEvent> events = haven.timeline().events(best.caseId());
        LocalDate last = events.get(events.size() - 1).date();
        LocalDate approx = last.plusDays(12).isAfter(LocalDate.now()) ? LocalDate.now() : last.plusDays(12);
        if (events.stream().noneMatch(e -> e.precision() == org.haven.core.timeline.DatePrecision.APPROXIMATE)) {
            haven.timeline().add(best.caseId(), org.haven.core.timeline.EventType.EMBASSY_CONTACT, approx,
                    org.haven.core.timeline.DatePrecision.APPROXIMATE, "Travel document requested (date given by the person).");
        }
        fx(() -> {
            window.openCase(best.caseId());
            return null;
        });
        Thread.sleep(3000);
        shoot(stage.getScene(), "case-timeline.png");
        if (Boolean.getBoolean("tour.layouts")) layouts(stage, haven, best);
        if (Boolean.getBoolean("tour.dialogs")) {
            // The add-event dialog, for a look at it (not a README picture).
            fx(() -> {
                ((javafx.scene.control.Button) stage.getScene().lookup("#addEvent")).fire();
                return null;
            });
            Thread.sleep(1500);
            Scene event = fx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene());
            shoot(event, "event-dialog.png");
            closeOthers(stage);

            // The organisation's name, address and logo; the summary dialog with its language; an operation and its members.
            fx(() -> org.haven.gui.reports.OrganisationDialog.show(stage,
                    new org.haven.core.reports.OrganisationSettings(haven.database(), haven.session())));
            Thread.sleep(1500);
            shoot(fx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene()), "organisation-dialog.png");
            closeOthers(stage);
            fx(() -> org.haven.gui.summaries.SummaryDialog.show(stage, haven.summaries(), List.of(best.caseId())));
            Thread.sleep(1500);
            shoot(fx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene()), "summary-dialog.png");
            closeOthers(stage);
            java.util.UUID operationId = haven.cases().open(best.caseId()).operation().id();
            Scene operation = fx(() -> {
                Stage page = new Stage();
                Scene sc = new Scene(new org.haven.gui.operations.OperationPage(haven, operationId, id -> {}), 1200, 760);
                Theme.style(sc);
                page.setScene(sc);
                page.show();
                return sc;
            });
            Thread.sleep(3000);
            shoot(operation, "operation-page.png");
            closeOthers(stage);
        }
    }

    /** Issue 18's pages at the window's size: the operation page in the main window, the intake grid, the event dialog. */
    private static void layouts(Stage stage, Haven haven, CaseListItem best) throws Exception {
        org.haven.core.operations.Operation op = haven.cases().open(best.caseId()).operation();
        fx(() -> {
            org.haven.gui.operations.OperationListPage page = new org.haven.gui.operations.OperationListPage(haven, window::openCase);
            window.showPage(I18n.t("operations.title"), page);
            page.showOperation(op.id());
            return null;
        });
        Thread.sleep(3000);
        shoot(stage.getScene(), "operation-page.png");
        fx(() -> {
            window.showPage(I18n.t("intake.grid.title", op.code(), op.name()),
                    new org.haven.gui.intake.IntakeGrid(haven, op, org.haven.core.intake.IntakeHooks.duplicateCheck(haven)));
            return null;
        });
        Thread.sleep(2000);
        shoot(stage.getScene(), "intake-grid.png");
        fx(() -> {
            window.openCase(best.caseId());
            return null;
        });
        Thread.sleep(1500);
        fx(() -> {
            ((javafx.scene.control.Button) stage.getScene().lookup("#addEvent")).fire();
            return null;
        });
        Thread.sleep(1500);
        shoot(fx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene()), "event-dialog.png");
        closeOthers(stage);
    }

    private static void closeOthers(Stage main) throws Exception {
        fx(() -> {
            Window.getWindows().stream().filter(w -> w != main).toList().forEach(Window::hide);
            return null;
        });
    }

    private static void shoot(Scene scene, String name) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        BufferedImage rgb = new BufferedImage(buffered.getWidth(), buffered.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(buffered, 0, 0, null);
        String file = name.replace(".png", SUFFIX + ".png");
        ImageIO.write(rgb, "png", out.resolve(file).toFile());
        System.out.println("wrote " + out.resolve(file));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static void until(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (fx(condition::getAsBoolean)) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}

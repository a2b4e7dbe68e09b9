package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseQuery;
import org.haven.core.intake.GridColumn;
import org.haven.core.intake.IntakeHooks;
import org.haven.core.intake.IntakeService;
import org.haven.core.operations.Operation;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake grid's state and commands without a window, on a real encrypted database. */
class IntakeGridModelTest {
    @TempDir Path dir;
    Haven haven;
    Operation raid;
    final List<String> focused = new ArrayList<>();

    @BeforeEach
    void open() {
        haven = TestHaven.create(dir.resolve("home"));
        raid = haven.operations().create(new Operation(null, "OP-VM", "Raid at the compound", LocalDate.now().minusDays(1),
                null, null, null, null, null, 0));
    }

    @AfterEach
    void close() {
        haven.close();
    }

    private IntakeGridModel grid() {
        IntakeGridModel model = new IntakeGridModel(new IntakeService(haven, IntakeHooks.duplicateCheck(haven)), raid.id(),
                IntakeService.identifiedOn(raid), DuplicateResolver.NONE, "Ctrl+D", Worker.AT_ONCE);
        model.setOnFocus((row, column) -> focused.add(row + ":" + column));
        model.load();
        return model;
    }

    private static void type(GridRowModel row, String... cells) {
        for (int i = 0; i < cells.length; i++) row.cell(GridColumn.values()[i]).set(cells[i]);
    }

    private int casesInTheRaid() {
        return haven.cases().count(CaseQuery.text("", 100));
    }

    @Test
    void aNewGridIsOneBlankRowWithTheCursorInItsFirstCell() {
        IntakeGridModel model = grid();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.offeredDraftProperty().get()).isNull();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.rows().getFirst().isBlank()).isTrue();
        assertThat(focused).containsExactly("0:NAME_NATIVE");
    }

    @Test
    void typedRowsAreKeptAsADraftThatIsOfferedBackAndNothingCanBeSavedUntilTheUserChooses() {
        IntakeGridModel first = grid();
        type(first.rows().getFirst(), "Trần Thị Lan", "Tran Thi Lan", "Female", "24", "Viet Nam");
        first.nextRow(0, GridColumn.NAME_NATIVE);
        assertThat(first.rows()).hasSize(2);

        // The laptop was closed: the grid opened again offers the draft and waits.
        IntakeGridModel again = grid();
        assertThat(again.offeredDraftProperty().get()).hasSize(1);
        assertThat(again.offeredDraftProperty().get().getFirst()).startsWith("Trần Thị Lan", "Tran Thi Lan");
        assertThat(again.busyProperty().get()).isTrue();
        again.save();
        assertThat(casesInTheRaid()).isZero();

        again.restoreDraft();
        assertThat(again.busyProperty().get()).isFalse();
        assertThat(again.rowsAsTyped()).hasSize(1);
        assertThat(again.rowsAsTyped().getFirst().get(0)).isEqualTo("Trần Thị Lan");
        assertThat(again.rows().getLast().isBlank()).isTrue();
        assertThat(again.statusProperty().get()).startsWith(I18n.t("intake.draft.restored", 1));
    }

    @Test
    void aDiscardedDraftIsGoneForGood() {
        IntakeGridModel first = grid();
        type(first.rows().getFirst(), "Somchai", "Somchai", "Male", "31", "Thailand");
        IntakeGridModel again = grid();
        again.discardDraft();
        assertThat(again.busyProperty().get()).isFalse();
        assertThat(again.rowsAsTyped()).isEmpty();
        assertThat(grid().offeredDraftProperty().get()).isNull();
    }

    @Test
    void saveRegistersTheValidRowsAndKeepsTheInvalidOnesAsTypedForCorrection() {
        IntakeGridModel model = grid();
        model.paste(0, GridColumn.NAME_NATIVE, List.of(
                List.of("Nguyễn Văn Minh", "Nguyen Van Minh", "M", "29", "VN", "vi", "yes", "confiscated"),
                List.of("Aung Aung", "Aung Aung", "M", "31.02.1990", "Myanmar", "my", "yes", "none")));
        assertThat(model.rows()).hasSize(3); // the two pasted and a blank one to type on
        model.save();
        assertThat(casesInTheRaid()).isEqualTo(1);
        assertThat(model.rowsAsTyped()).extracting(r -> r.get(0)).containsExactly("Aung Aung");
        assertThat(model.rows().getFirst().errorsProperty().get()).isNotEmpty();
        assertThat(model.statusProperty().get()).startsWith(I18n.t("intake.grid.saved", 1, 1));
        assertThat(model.busyProperty().get()).isFalse();
        // What is left is the draft now: the saved person is not offered again.
        assertThat(grid().offeredDraftProperty().get()).extracting(r -> r.get(0)).containsExactly("Aung Aung");
    }

    @Test
    void pastedCodesAreShownAsTheWordsTheyMean() {
        IntakeGridModel model = grid();
        model.paste(0, GridColumn.NAME_NATIVE, List.of(List.of("Nguyễn Văn Minh", "Nguyen Van Minh", "m", "29", "vn")));
        GridRowModel row = model.rows().getFirst();
        assertThat(row.cell(GridColumn.SEX).get()).isEqualTo("Male");
        assertThat(row.cell(GridColumn.NATIONALITY).get()).isNotEqualTo("vn").contains("Viet");
        assertThat(focused).last().isEqualTo("1:NAME_NATIVE");
    }

    @Test
    void theGridAlwaysKeepsOneRowAndOneBlankRowAtTheEndIsEnough() {
        IntakeGridModel model = grid();
        model.nextRow(0, GridColumn.NAME_NATIVE);
        assertThat(model.rows()).hasSize(1); // Enter on the blank last row adds no other
        type(model.rows().getFirst(), "Li Na");
        model.deleteRow(0, GridColumn.NAME_NATIVE);
        assertThat(model.rows()).hasSize(1);
        assertThat(model.rows().getFirst().isBlank()).isTrue();
    }

    @Test
    void saveOnABlankGridSaysThereIsNothingToSave() {
        IntakeGridModel model = grid();
        model.save();
        assertThat(model.statusProperty().get()).startsWith(I18n.t("intake.grid.nothing"));
        assertThat(casesInTheRaid()).isZero();
    }
}

package org.haven.gui.cases;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.CaseService;
import org.haven.core.cases.CaseStatus;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationService;

/**
 * The case list without its controls: the search text and the filters, the sort, the rows of the page
 * shown, the selection, the count and the page, whether a search runs and the last failure, and the
 * commands (search, the next and previous page, refresh). Every answer comes from the database one
 * page at a time; a newer request always wins (an older answer arriving late is dropped). A filter
 * or sort change searches at once; the search text waits for {@link #search()} (the view debounces
 * typing). {@link CaseListPage} lays it out; {@code CaseListModelTest} drives it without a window.
 */
public final class CaseListModel {
    static final int PAGE_SIZE = 100;

    private final CaseService cases;
    private final OperationService operationService;
    private final Worker worker;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Set<CaseStatus>> statuses = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<String> nationality = new SimpleObjectProperty<>();
    private final ObjectProperty<Operation> operation = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseQuery.ScreeningFilter> screening = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseQuery.Quick> quick = new SimpleObjectProperty<>(CaseQuery.Quick.NONE);
    private CaseQuery.SortColumn sort = CaseQuery.SortColumn.CASE_NUMBER;
    private boolean descending = true;

    private final ObservableList<Operation> operations = FXCollections.observableArrayList((Operation) null);
    private final ObservableList<CaseListItem> rows = FXCollections.observableArrayList();
    private final ObservableList<CaseListItem> selection = FXCollections.observableArrayList();
    private final ObjectProperty<CaseListItem> selected = new SimpleObjectProperty<>();

    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper totalIsLowerBound = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper offset = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper noCasesYet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** Where the page shown starts by keyset (after the last row of the page before, or before the first of the one after); null: the top. */
    private CaseQuery.Seek seek;
    private long requestNo;

    public CaseListModel(CaseService cases, OperationService operations, Worker worker) {
        this.cases = cases;
        this.operationService = operations;
        this.worker = worker;
        statuses.addListener((o, a, b) -> search());
        nationality.addListener((o, a, b) -> search());
        operation.addListener((o, a, b) -> search());
        screening.addListener((o, a, b) -> search());
        quick.addListener((o, a, b) -> search());
    }

    // --- what the user sets ---

    /** The search box's text; searched on {@link #search()}. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The ticked statuses (empty: every status). */
    public ObjectProperty<Set<CaseStatus>> statusesProperty() {
        return statuses;
    }

    /** The chosen nationality's ISO code, or null for every nationality. */
    public ObjectProperty<String> nationalityProperty() {
        return nationality;
    }

    /** The chosen operation, or null for every operation. */
    public ObjectProperty<Operation> operationProperty() {
        return operation;
    }

    public ObjectProperty<CaseQuery.ScreeningFilter> screeningProperty() {
        return screening;
    }

    public ObjectProperty<CaseQuery.Quick> quickProperty() {
        return quick;
    }

    /** Sorts by this column (null: by case number, ascending) and searches again from the first page. */
    public void sortBy(CaseQuery.SortColumn column, boolean descendingOrder) {
        CaseQuery.SortColumn newSort = column == null ? CaseQuery.SortColumn.CASE_NUMBER : column;
        boolean newDescending = column != null && descendingOrder;
        if (newSort == sort && newDescending == descending) return;
        sort = newSort;
        descending = newDescending;
        search();
    }

    // --- what the list shows ---

    /** The operations to filter by, newest first, after a null for "all operations". */
    public ObservableList<Operation> operations() {
        return operations;
    }

    /** The rows of the page shown. */
    public ObservableList<CaseListItem> rows() {
        return rows;
    }

    /** The selected rows (several with Shift or Ctrl); the view keeps it equal to the table's selection. */
    public ObservableList<CaseListItem> selection() {
        return selection;
    }

    /** The row with the focus; after a reload the same case is selected again if it is still on the page. */
    public ObjectProperty<CaseListItem> selectedProperty() {
        return selected;
    }

    public List<UUID> selectedCaseIds() {
        return selection.stream().map(CaseListItem::caseId).toList();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True while the total is only "more than": the whole count follows. */
    public ReadOnlyBooleanProperty totalIsLowerBoundProperty() {
        return totalIsLowerBound.getReadOnlyProperty();
    }

    /** Where the page shown starts (0 for the first page). */
    public ReadOnlyIntegerProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    /** "1,234 cases", "More than 1,000 cases", or that the search index is being prepared. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** "101–200 of 1,234" (empty without cases). */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** True while a page or a count is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the first page has arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True when the database has no case at all yet (no search or filter): the list offers the first steps. */
    public ReadOnlyBooleanProperty noCasesYetProperty() {
        return noCasesYet.getReadOnlyProperty();
    }

    /** The last failure, for the view to show (set anew on every failure). */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A short confirmation under the list (e.g. "2 cases assigned to dara"), until the next one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void say(String text) {
        message.set(text);
    }

    // --- commands ---

    /** The first load: the operations to filter by and the first page. */
    public void start() {
        loadOperations();
        search();
    }

    /** Searches with the text and filters as they are now, from the first page. */
    public void search() {
        offset.set(0);
        seek = null;
        reload();
    }

    /** Reloads the page shown (after a change elsewhere), keeping the search and filters. */
    public void refresh() {
        loadOperations();
        reload();
    }

    public void nextPage() {
        page(+1);
    }

    public void previousPage() {
        page(-1);
    }

    /** The query the list shows now: text, filters, sort and page. */
    public CaseQuery currentQuery() {
        String text = searchText.get() == null || searchText.get().isBlank() ? null : searchText.get().strip();
        Operation op = operation.get();
        return new CaseQuery(text, null, nationality.get(), op == null ? null : op.id(),
                sort, descending, offset.get(), PAGE_SIZE).withScreening(screening.get()).withQuick(quick.get())
                .withStatuses(statuses.get() == null ? Set.of() : statuses.get())
                .withSeek(seek != null && seek.position().sort() == sort ? seek : null);
    }

    private void page(int direction) {
        int newOffset = offset.get() + direction * PAGE_SIZE;
        if (newOffset < 0 || newOffset >= total.get()) return;
        // Keyset paging: the next page seeks past the last row shown, the previous one reads back from
        // the first (the database walks its index from there instead of skipping newOffset rows, and a
        // case added or deleted meanwhile neither repeats nor skips a row). The top is read as the top.
        if (newOffset == 0 || rows.isEmpty() || rows.getFirst().position() == null) seek = null;
        else if (direction > 0) seek = CaseQuery.Seek.after(rows.getLast().position());
        else seek = CaseQuery.Seek.before(rows.getFirst().position());
        offset.set(newOffset);
        reload();
    }

    private void reload() {
        CaseQuery query = currentQuery();
        long mine = ++requestNo;
        busy.set(true);
        UUID keep = selected.get() == null ? null : selected.get().caseId();
        worker.run(() -> cases.page(query, CaseQuery.COUNT_AHEAD), page -> {
            if (mine != requestNo) return; // a newer request is on its way: drop this answer
            busy.set(false);
            total.set(page.total());
            totalIsLowerBound.set(page.more());
            if (query.seek() != null && query.seek().before() && page.items().size() < PAGE_SIZE) {
                // fewer rows before this one than the label said (cases deleted meanwhile): show the top
                offset.set(0);
                seek = null;
                reload();
                return;
            }
            if (page.total() > 0 && (offset.get() >= page.total() || (query.seek() != null && page.items().isEmpty()))) {
                // the page we were on is gone (fewer results now): the last page, by its offset
                offset.set(((page.total() - 1) / PAGE_SIZE) * PAGE_SIZE);
                seek = null;
                reload();
                return;
            }
            rows.setAll(page.items());
            noCasesYet.set(page.total() == 0 && unfiltered(query));
            selected.set(keep == null ? null
                    : page.items().stream().filter(i -> i.caseId().equals(keep)).findFirst().orElse(null));
            loaded.set(true);
            updateCounts();
            if (page.more()) countAll(query, mine);
        }, e -> {
            if (mine != requestNo) return;
            busy.set(false);
            fail(e);
        });
    }

    /**
     * "More than 1,000" is only what the list says while it counts: the whole count follows (it
     * reads every match, so it is not run before the page shows).
     */
    private void countAll(CaseQuery query, long request) {
        busy.set(true);
        worker.run(() -> cases.count(query), n -> {
            if (request != requestNo) return; // the search changed meanwhile
            busy.set(false);
            total.set(n);
            totalIsLowerBound.set(false);
            updateCounts();
        }, e -> {
            if (request == requestNo) busy.set(false);
        });
    }

    private static boolean unfiltered(CaseQuery q) {
        return q.text() == null && q.status() == null && q.statuses().isEmpty() && q.nationality() == null
                && q.operationId() == null && q.screening() == null && q.quick().equals(CaseQuery.Quick.NONE);
    }

    private void updateCounts() {
        NumberFormat nf = NumberFormat.getIntegerInstance(I18n.locale());
        int n = total.get();
        boolean more = totalIsLowerBound.get();
        countText.set(more ? I18n.t("cases.count.more", nf.format(n)) : I18n.t("cases.count", n, nf.format(n)));
        if (n == 0) {
            pageText.set("");
        } else {
            int first = offset.get() + 1;
            int last = Math.min(n, offset.get() + PAGE_SIZE);
            pageText.set(I18n.t(more ? "cases.page.more" : "cases.page", nf.format(first), nf.format(last), nf.format(n)));
        }
        canGoBack.set(offset.get() > 0);
        canGoForward.set(more || offset.get() + PAGE_SIZE < n);
    }

    private void loadOperations() {
        worker.run(operationService::list, ops -> {
            Operation chosen = operation.get();
            List<Operation> items = new ArrayList<>();
            items.add(null);
            items.addAll(ops.stream().sorted(Comparator.comparing(Operation::date).reversed()).toList());
            if (items.equals(operations)) return;
            operations.setAll(items);
            if (chosen != null) {
                ops.stream().filter(o -> o.id().equals(chosen.id())).findFirst().ifPresent(operation::set);
            }
        }, this::fail);
    }

    private void fail(Throwable e) {
        error.set(null); // the same failure twice is reported twice
        error.set(e);
    }
}

package org.haven.core.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationMembers;
import org.haven.core.security.AuditLog;

/**
 * The bulk intake grid's service: check rows, save the valid ones (each a person with an open
 * case under the operation and an identification event) in one transaction, and keep the
 * unsaved rest as the user's draft in the encrypted database.
 */
public final class IntakeService {
    private final Haven haven;
    private final DuplicateHook duplicates;

    public IntakeService(Haven haven, DuplicateHook duplicates) {
        this.haven = haven;
        this.duplicates = duplicates;
    }

    /** A draft waiting for its user: which operation, how many rows, last edit. */
    public record DraftInfo(UUID operationId, String operationCode, String operationName, int rows, OffsetDateTime updatedAt) {}

    /**
     * What a save did: the grid rows (by index) saved with their case numbers, the rows kept (with
     * errors, or held back), and of those the valid rows held back as likely duplicates, with what
     * was found for each (same order as {@code heldRows}).
     */
    public record SaveResult(List<Integer> savedRows, List<String> caseNumbers, List<Integer> keptRows,
                             List<Integer> heldRows, List<Held> held) {
        public SaveResult(List<Integer> savedRows, List<String> caseNumbers, List<Integer> keptRows) {
            this(savedRows, caseNumbers, keptRows, List.of(), List.of());
        }
    }

    /** What a held-back row may duplicate: cases the user may see, and how many likely matches lie in cases they may not. */
    public record Held(List<DuplicateHook.PossibleDuplicate> duplicates, int hidden) {}

    public Operation operation(UUID operationId) {
        return haven.operations().get(operationId);
    }

    /** The identification date of people registered under the operation. */
    public static LocalDate identifiedOn(Operation operation) {
        return ImportService.identifiedOn(operation);
    }

    /** Checks one grid row (cells in {@link GridColumn} order); no database access. */
    public static RowParser.Parsed check(List<String> cells, LocalDate identifiedOn) {
        return RowParser.parse(GridColumn.toValues(cells), identifiedOn, LocalDate.now());
    }

    public List<DuplicateHook.PossibleDuplicate> likelyDuplicates(org.haven.core.people.Person candidate) {
        haven.session().requireCaseData();
        return duplicates.likelyDuplicates(candidate);
    }

    /** How many likely matches of a row lie only in cases the user may not see (never which). */
    public int hiddenDuplicates(org.haven.core.people.Person candidate) {
        haven.session().requireCaseData();
        return duplicates.hiddenDuplicates(candidate);
    }

    /**
     * Saves every valid, non-blank row in one transaction and replaces the draft with the invalid
     * rows, in the same transaction: after a crash either both happened or neither did. A valid row
     * that is likely a person already in Haven (in a case the user may see or not) is never saved
     * here: it is held back, kept in the draft, for the caseworker to decide on (link, register as
     * new, or later). Each row is checked again now, whatever the grid showed.
     */
    public SaveResult save(UUID operationId, List<List<String>> rows) {
        haven.session().requireCaseData();
        Operation op = haven.operations().get(operationId);
        OperationMembers.requireMayAddPeople(haven.database().dsl(), haven.user(), op);
        LocalDate identified = identifiedOn(op);
        List<Integer> saved = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<org.haven.core.people.Person> people = new ArrayList<>();
        List<List<String>> keptCells = new ArrayList<>();
        List<Integer> heldRows = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (GridColumn.isBlank(cells)) continue;
            RowParser.Parsed parsed = check(cells, identified);
            if (parsed.valid()) {
                List<DuplicateHook.PossibleDuplicate> likely = duplicates.likelyDuplicates(parsed.person());
                int hidden = duplicates.hiddenDuplicates(parsed.person());
                if (!likely.isEmpty() || hidden > 0) {
                    kept.add(i);
                    keptCells.add(cells);
                    heldRows.add(i);
                    held.add(new Held(List.copyOf(likely), hidden));
                    continue;
                }
                saved.add(i);
                people.add(parsed.person());
            } else {
                kept.add(i);
                keptCells.add(cells);
            }
        }
        List<String> numbers = haven.database().inTransaction(tx -> {
            List<String> out = new ArrayList<>();
            for (org.haven.core.people.Person p : people) {
                CaseFile c = haven.cases().registerIn(tx, new NewCase(p, op.id(), identified, null, null), identified);
                out.add(c.caseNumber());
            }
            DraftRepository.replace(tx, op.id(), haven.user().id(), keptCells);
            if (!people.isEmpty()) {
                AuditLog.record(tx, haven.user(), "INTAKE_GRID_SAVE", "operation", op.id(), "saved=" + people.size()
                        + ",kept=" + keptCells.size() + ",heldBack=" + heldRows.size());
            }
            return out;
        });
        return new SaveResult(List.copyOf(saved), List.copyOf(numbers), List.copyOf(kept), List.copyOf(heldRows), List.copyOf(held));
    }

    /** Keeps the grid's rows (blank ones dropped) as this user's draft for the operation. */
    public void saveDraft(UUID operationId, List<List<String>> rows) {
        haven.session().requireCaseData();
        List<List<String>> nonBlank = rows.stream().filter(r -> !GridColumn.isBlank(r)).toList();
        haven.database().inTransactionRun(tx -> DraftRepository.replace(tx, operationId, haven.user().id(), nonBlank));
    }

    public List<List<String>> loadDraft(UUID operationId) {
        haven.session().requireCaseData();
        return DraftRepository.load(haven.database().dsl(), operationId, haven.user().id());
    }

    public void discardDraft(UUID operationId) {
        haven.session().requireCaseData();
        haven.database().inTransactionRun(tx -> DraftRepository.delete(tx, operationId, haven.user().id()));
    }

    /** This user's drafts, newest first: to offer them back after a crash or restart. */
    public List<DraftInfo> drafts() {
        haven.session().requireCaseData();
        return DraftRepository.forUser(haven.database().dsl(), haven.user().id());
    }
}

package org.haven.gui.matching;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.matching.MatchCandidate;
import org.haven.core.matching.MatchQuery;
import org.haven.core.people.Person;

/**
 * Looks up what a new entry may duplicate (in the background: the candidates the user may see, how
 * many more lie in cases they may not, and whom to ask about those) and asks the caseworker with
 * {@link DuplicateResolverDialog}. Used by the new-case form, the intake grid and the import wizard.
 */
public final class DuplicateResolution {
    private DuplicateResolution() {}

    /** What was found for an entry: visible candidates, the count of hidden ones, and the coordinators to ask. */
    public record Found(List<MatchCandidate> candidates, int hidden, List<String> coordinators) {
        public boolean isEmpty() {
            return candidates.isEmpty() && hidden == 0;
        }

        public List<UUID> shownIds() {
            return candidates.stream().map(MatchCandidate::personId).toList();
        }
    }

    /** The lookup itself (call off the FX thread). */
    public static Found find(Haven haven, Person entry) {
        List<MatchCandidate> candidates = haven.matching().findFor(entry, DuplicateCheck.SHOWN);
        int hidden = haven.matching().hiddenMatches(MatchQuery.of(entry));
        return new Found(candidates, hidden, hidden > 0 ? haven.matching().coordinatorsToAsk() : List.of());
    }

    /**
     * Looks up and asks. {@code onNothing} runs when there is nothing to decide; otherwise
     * {@code onDecision} gets the user's decision with what was found. All on the FX thread.
     */
    public static void ask(Window owner, Haven haven, Person entry, boolean offerSkip,
                           Runnable onNothing, DecisionHandler onDecision, Consumer<Throwable> onError) {
        FxTasks.run(() -> find(haven, entry), found -> {
            if (found.isEmpty()) {
                onNothing.run();
                return;
            }
            DuplicateResolverDialog dialog = new DuplicateResolverDialog(owner, entry, found.candidates(), found.hidden(),
                    found.coordinators(), offerSkip);
            dialog.setOnHidden(e -> {
                DuplicateResolverDialog.Decision d = dialog.getResult();
                onDecision.decided(d == null ? new DuplicateResolverDialog.Decision(DuplicateResolverDialog.Choice.LATER, null) : d,
                        found);
            });
            dialog.showOnOwner();
        }, onError);
    }

    /** Carries out a LINK or NEW decision for a registration (in the background); LATER and SKIP write nothing. */
    public static void carryOut(Haven haven, NewCase request, DuplicateResolverDialog.Decision d, Found found,
                                Consumer<CaseFile> onSaved, Consumer<Throwable> onError) {
        switch (d.choice()) {
            case LINK -> FxTasks.run(() -> haven.matching().linkToExisting(d.personId(), request), onSaved, onError);
            case NEW -> FxTasks.run(() -> haven.matching().registerAsDistinct(request, found.shownIds(), found.hidden() > 0),
                    onSaved, onError);
            default -> throw new IllegalArgumentException("nothing to carry out");
        }
    }

    @FunctionalInterface
    public interface DecisionHandler {
        void decided(DuplicateResolverDialog.Decision decision, Found found);
    }
}

package org.haven.matching.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.haven.Haven;
import org.haven.app.FxTasks;
import org.haven.cases.CaseFile;
import org.haven.cases.NewCase;
import org.haven.matching.MatchCandidate;

/**
 * Registering with a duplicate check, for the new-case form, the intake grid and imports: looks
 * for likely matches in the background; with none, registers at once; otherwise shows
 * {@link DuplicateCandidatesDialog} and then links to the chosen person (a new case for them) or
 * registers a new person recorded as "someone else" than every candidate shown. Call on the FX thread.
 */
public final class DuplicateCheck {
    /** How many candidates the dialog shows at most. */
    public static final int SHOWN = 10;

    private DuplicateCheck() {}

    /**
     * @param onSaved     runs on the FX thread with the saved case (new person, or new case of an existing person)
     * @param onCancelled runs on the FX thread when the user closed the dialog without deciding (nothing saved)
     */
    public static void register(Window owner, Haven haven, NewCase request, Consumer<CaseFile> onSaved,
                                Runnable onCancelled) {
        FxTasks.run(() -> haven.matching().findFor(request.person(), SHOWN), candidates -> {
            if (candidates.isEmpty()) {
                FxTasks.run(() -> haven.cases().register(request), onSaved);
            } else {
                ask(owner, haven, request, candidates, onSaved, onCancelled);
            }
        });
    }

    /** Shows the candidates already found and carries out the decision. */
    public static DuplicateCandidatesDialog ask(Window owner, Haven haven, NewCase request, List<MatchCandidate> candidates,
                                                Consumer<CaseFile> onSaved, Runnable onCancelled) {
        DuplicateCandidatesDialog dialog = new DuplicateCandidatesDialog(owner, candidates, DuplicateCandidatesDialog.Mode.REGISTER);
        dialog.setOnHidden(e -> {
            DuplicateCandidatesDialog.Decision d = dialog.getResult();
            if (d == null || d.choice() == DuplicateCandidatesDialog.Choice.CANCEL) {
                if (onCancelled != null) onCancelled.run();
            } else if (d.choice() == DuplicateCandidatesDialog.Choice.LINK) {
                FxTasks.run(() -> haven.matching().linkToExisting(d.personId(), request), onSaved);
            } else {
                List<java.util.UUID> shown = candidates.stream().map(MatchCandidate::personId).toList();
                FxTasks.run(() -> haven.matching().registerAsDistinct(request, shown), onSaved);
            }
        });
        dialog.show();
        return dialog;
    }
}

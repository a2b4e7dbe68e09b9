package org.haven.gui.screening;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.haven.core.common.ValidationErrors;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.DeterminationRule;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.LabourExploitation;
import org.haven.core.screening.RecruitmentApp;
import org.haven.core.screening.RecruitmentMethod;
import org.haven.core.screening.Screening;
import org.haven.core.screening.ScreeningValidator;

/**
 * The screening interview without its controls (ADR 12): the answers, consent, recruitment and the
 * determination as properties; the suggestion of {@link DeterminationRule}, which the determination
 * follows until the caseworker picks another one (then a reason is needed); the interview as a
 * {@link Screening} draft and its errors. {@link ScreeningForm} lays it out and binds to it. Tested
 * without a window ({@code ScreeningFormModelTest}).
 */
public final class ScreeningFormModel {
    public final ObjectProperty<LocalDate> interviewDate = new SimpleObjectProperty<>();
    public final BooleanProperty interpreterUsed = new SimpleBooleanProperty();
    public final StringProperty language = new SimpleStringProperty("");
    public final ObjectProperty<ConsentGiver> consentGivenBy = new SimpleObjectProperty<>(ConsentGiver.PERSON);
    public final ObjectProperty<LocalDate> consentGivenOn = new SimpleObjectProperty<>();
    /** Each purpose the person consented to; none is ticked until asked (consent is never assumed). */
    public final Map<ConsentPurpose, BooleanProperty> consents = new EnumMap<>(ConsentPurpose.class);
    public final Map<Indicator, ObjectProperty<Answer>> answers = new EnumMap<>(Indicator.class);
    public final Map<Indicator, StringProperty> notes = new EnumMap<>(Indicator.class);
    public final ObservableSet<RecruitmentMethod> recruitmentMethods = FXCollections.observableSet(EnumSet.noneOf(RecruitmentMethod.class));
    public final ObservableSet<RecruitmentApp> recruitmentApps = FXCollections.observableSet(EnumSet.noneOf(RecruitmentApp.class));
    public final ObservableSet<LabourExploitation> labourExploitation = FXCollections.observableSet(EnumSet.noneOf(LabourExploitation.class));
    public final ObjectProperty<Determination> determination = new SimpleObjectProperty<>();
    public final StringProperty overrideReason = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Determination> suggested = new ReadOnlyObjectWrapper<>(Determination.UNDETERMINED);
    private final ReadOnlyBooleanWrapper overridden = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper indicatorsOpen = new ReadOnlyBooleanWrapper();
    private final UUID caseId;
    private final Supplier<LocalDate> today;
    /** The determination follows the suggestion until the caseworker picks another one. */
    private boolean followSuggestion = true;
    private boolean updating;
    private Screening baseline;

    public ScreeningFormModel(UUID caseId, Supplier<LocalDate> today) {
        this.caseId = caseId;
        this.today = today;
        interviewDate.set(today.get());
        consentGivenOn.set(today.get());
        for (ConsentPurpose p : ConsentPurpose.values()) consents.put(p, new SimpleBooleanProperty(false));
        for (Indicator i : Indicator.values()) {
            answers.put(i, new SimpleObjectProperty<>(Answer.UNKNOWN));
            notes.put(i, new SimpleStringProperty(""));
        }
        consents.get(ConsentPurpose.INTERVIEW).addListener(x -> recompute());
        for (Observable answer : answers.values()) answer.addListener(x -> recompute());
        determination.addListener((o, was, is) -> {
            if (!updating) followSuggestion = is == suggested.get();
            overridden.set(is != null && is != suggested.get());
        });
        recompute();
        baseline = draft();
    }

    /** What the rule suggests from the answers so far. */
    public ReadOnlyObjectProperty<Determination> suggested() {
        return suggested.getReadOnlyProperty();
    }

    /** The determination differs from the suggestion: a reason must be given. */
    public ReadOnlyBooleanProperty overridden() {
        return overridden.getReadOnlyProperty();
    }

    /** The indicators can be asked only with the person's consent to the interview. */
    public ReadOnlyBooleanProperty indicatorsOpen() {
        return indicatorsOpen.getReadOnlyProperty();
    }

    /** Starts a re-screening from an earlier interview's answers (the interview date stays today). */
    public void prefill(Screening s) {
        interpreterUsed.set(s.interpreterUsed());
        language.set(s.interviewLanguage() == null ? "" : s.interviewLanguage());
        consentGivenBy.set(s.consent().givenBy());
        consents.forEach((p, box) -> box.set(s.consent().grants(p)));
        s.answers().forEach((i, a) -> {
            answers.get(i).set(a.answer());
            notes.get(i).set(a.note() == null ? "" : a.note());
        });
        recruitmentMethods.addAll(s.recruitmentMethods());
        recruitmentApps.addAll(s.recruitmentApps());
        labourExploitation.addAll(s.labourExploitation());
        recompute();
        if (s.overridden()) {
            determination.set(s.determination());
            overrideReason.set(s.overrideReason() == null ? "" : s.overrideReason());
        }
        baseline = draft();
    }

    /** The interview as it would be saved: without consent to the interview, no indicator answer or note. */
    public Screening draft() {
        boolean consented = consents.get(ConsentPurpose.INTERVIEW).get();
        Map<Indicator, IndicatorAnswer> a = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            a.put(i, new IndicatorAnswer(i, consented ? answers.get(i).get() : Answer.UNKNOWN, consented ? notes.get(i).get() : null));
        }
        Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
        consents.forEach((p, box) -> {
            if (box.get()) granted.add(p);
        });
        Determination d = determination.get();
        return Screening.draft(caseId, interviewDate.get(), interpreterUsed.get(), language.get(), a,
                new Consent(consentGivenBy.get(), consentGivenOn.get(), granted),
                copy(recruitmentMethods, RecruitmentMethod.class), copy(recruitmentApps, RecruitmentApp.class),
                copy(labourExploitation, LabourExploitation.class), d, d == suggested.get() ? null : overrideReason.get());
    }

    /** What is wrong with the interview as it stands (the same rules the service applies). */
    public ValidationErrors errors() {
        return ScreeningValidator.validate(draft(), suggested.get(), today.get());
    }

    /** The interview was saved: what is in the form now is no longer unsaved input. */
    public void saved() {
        baseline = draft();
    }

    /** The form holds input that closing it would lose. */
    public boolean hasChanges() {
        return !draft().equals(baseline);
    }

    private Map<Indicator, Answer> askedAnswers() {
        boolean consented = consents.get(ConsentPurpose.INTERVIEW).get();
        Map<Indicator, Answer> m = new EnumMap<>(Indicator.class);
        answers.forEach((i, a) -> m.put(i, consented ? a.get() : Answer.UNKNOWN));
        return m;
    }

    /** Recomputes the suggestion from the answers; the determination follows it unless overridden. */
    private void recompute() {
        indicatorsOpen.set(consents.get(ConsentPurpose.INTERVIEW).get());
        suggested.set(DeterminationRule.suggest(askedAnswers()));
        if (followSuggestion || determination.get() == null) {
            updating = true;
            determination.set(suggested.get());
            updating = false;
            followSuggestion = true;
        }
        overridden.set(determination.get() != null && determination.get() != suggested.get());
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> chosen, Class<E> type) {
        Set<E> s = EnumSet.noneOf(type);
        s.addAll(chosen);
        return s;
    }
}

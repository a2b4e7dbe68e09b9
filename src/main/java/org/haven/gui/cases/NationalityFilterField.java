package org.haven.gui.cases;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.textfield.TextFields;
import org.haven.gui.toolkit.I18n;
import org.haven.core.people.Countries;

/**
 * The case list's nationality filter, typed rather than scrolled through 249 countries: typing part
 * of a country's name in the window's language, or in English ("Myan"), offers the matching
 * countries by their names in the window's language (CLDR, as the list's column shows them). The
 * field also takes what {@link Countries#toCode} knows (a code, "Burmese", "Viet Nam"). Empty: every
 * nationality; text that is no country is marked and filters nothing.
 */
final class NationalityFilterField extends TextField {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private record Country(String code, String name, String english) {}

    private final List<Country> countries = new ArrayList<>();
    private final ReadOnlyObjectWrapper<String> code = new ReadOnlyObjectWrapper<>();

    NationalityFilterField() {
        setId("nationalityFilter");
        setPromptText(I18n.t("cases.filter.allNationalities"));
        Collator collator = Collator.getInstance(I18n.locale());
        for (String c : Countries.all().keySet()) countries.add(new Country(c, I18n.country(c), Countries.name(c)));
        countries.sort(Comparator.comparing(Country::name, collator));
        TextFields.bindAutoCompletion(this, request -> suggestions(request.getUserText()));
        textProperty().addListener((o, was, text) -> {
            String found = resolve(text).orElse(null);
            boolean unknown = found == null && text != null && !text.isBlank();
            pseudoClassStateChanged(DANGER, unknown);
            setTooltip(unknown ? new Tooltip(I18n.t("cases.filter.nationality.unknown")) : null);
            code.set(found);
        });
    }

    /** The chosen country's ISO code, or null for every nationality. */
    ReadOnlyObjectProperty<String> codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** The countries whose name (window language or English) contains the typed text; those starting with it first. */
    List<String> suggestions(String typed) {
        String key = fold(typed);
        if (key.isEmpty()) return List.of();
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (Country c : countries) {
            String name = fold(c.name());
            String english = fold(c.english());
            if (name.startsWith(key) || english.startsWith(key)) starts.add(c.name());
            else if (name.contains(key) || english.contains(key)) contains.add(c.name());
        }
        // The exact name typed (or picked) needs no list any more.
        if (starts.size() == 1 && contains.isEmpty() && fold(starts.getFirst()).equals(key)) return List.of();
        starts.addAll(contains);
        return starts;
    }

    private Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String key = fold(text);
        for (Country c : countries) {
            if (fold(c.name()).equals(key)) return Optional.of(c.code());
        }
        return Countries.toCode(text);
    }

    /** Case and Latin accents ignored ("viet" finds "Việt Nam"); other scripts as they are. */
    private static String fold(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("[\\u0300-\\u036F]", "").toLowerCase(Locale.ROOT).replace('đ', 'd');
    }
}

package org.haven.gui.toolkit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import javafx.scene.control.TextArea;

/**
 * Editable text in Khmer, Thai, Lao or Myanmar that JavaFX would wrap wrongly (see {@link WrappingLabel}:
 * each wrapped piece is drawn to the end of the paragraph, out of the field). A {@code TextArea} cannot
 * break its own lines as the label does, so while its text holds such a script it does not wrap: each
 * paragraph stays one line, drawn right, and the field scrolls sideways. Other text wraps as usual.
 */
public final class ComplexScriptText {
    private ComplexScriptText() {}

    /** Wraps {@code area}'s text, except while it holds a script JavaFX cannot break. */
    public static void guard(TextArea area) {
        area.setWrapText(!needsDictionaryBreaks(area.getText()));
        area.textProperty().addListener((obs, old, text) -> area.setWrapText(!needsDictionaryBreaks(text)));
    }

    /**
     * True when the text holds a letter of the Unicode line-break class SA ("complex context"): the
     * scripts written without spaces between words (Khmer, Thai, Lao, Myanmar...), which only a
     * dictionary can break. The class comes from ICU's Unicode data, not from a list kept here.
     */
    static boolean needsDictionaryBreaks(String text) {
        if (text == null) return false;
        return text.codePoints().anyMatch(cp -> UCharacter.getIntPropertyValue(cp, UProperty.LINE_BREAK)
                == UCharacter.LineBreak.COMPLEX_CONTEXT);
    }
}

package org.haven.gui.toolkit;

import org.haven.core.common.ValidationErrors;

/**
 * A validator's error for one field in the window's language: the validators name each rule by its
 * bundle key (ADR 13), so rewording the English keeps the translations. An error given in English
 * only (a rule not converted yet) is shown as it is (validator messages never hold personal data).
 */
public final class ValidationText {
    private ValidationText() {}

    /** The field's error in the user's language, or null when the field has none. */
    public static String of(ValidationErrors errors, String field) {
        String message = errors.get(field);
        if (message == null) return null;
        String key = errors.key(field);
        return key == null ? message : I18n.t(key, errors.args(field));
    }
}

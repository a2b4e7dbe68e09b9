package org.haven.core.screening;

/** One indicator's answer and the caseworker's note (free text: may hold personal data). */
public record IndicatorAnswer(Indicator indicator, Answer answer, String note) {
    public IndicatorAnswer {
        if (answer == null) answer = Answer.UNKNOWN;
    }
}

package org.haven.core.summaries;

import java.util.List;

/**
 * One case summary, already redacted for its audience and already in words: the PDF writer only
 * lays it out, so what a summary may contain is decided (and tested) in {@link SummaryBuilder}.
 *
 * @param notices lines for the box on the first page: what was withheld, which sections were left out
 */
public record CaseSummary(String organisation, String caseNumber, Audience audience, String title, String subtitle,
                          List<String> notices, List<Part> parts, String producedLine) {

    public CaseSummary {
        notices = List.copyOf(notices);
        parts = List.copyOf(parts);
    }

    /** One section: its title and its content blocks, in order. {@code section} is null for the court's certification. */
    public record Part(Section section, String title, List<Block> blocks) {
        public Part {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of content the PDF writer knows how to lay out. */
    public sealed interface Block permits Fields, Events, Text, Photo, Signature {}

    /** A two-column table of label and value. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** A value that was withheld prints in a muted style so the reader sees it exists but is redacted. */
    public record Field(String label, String value, boolean withheld) {}

    /** A table of events: date, type, note, recorded by. */
    public record Events(List<String> headers, List<EventRow> rows, String emptyText) implements Block {
        public Events {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    public record EventRow(String date, String type, String note, boolean noteWithheld, String recordedBy) {}

    /** A paragraph (wrapped). */
    public record Text(String text, Style style) implements Block {}

    public enum Style { NORMAL, MUTED, WARNING }

    /** Blank lines to sign and date by hand, one per label; laid out together with what comes before them. */
    public record Signature(List<String> labels) implements Block {
        public Signature {
            labels = List.copyOf(labels);
        }
    }

    /** The photo placeholder box beside the identity table. */
    public record Photo(String caption) implements Block {}
}

package org.haven.core.summaries;

/** The parts of a case summary a user may include or leave out. The header is always printed. */
public enum Section {
    IDENTITY, CASE, SCREENING, TIMELINE, LEGAL, SERVICES, NOTES
}

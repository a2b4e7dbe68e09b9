package org.haven.core.screening;

/** The answer to one indicator. UNKNOWN means "not asked, not answered or not clear". */
public enum Answer {
    YES, NO, UNKNOWN
}

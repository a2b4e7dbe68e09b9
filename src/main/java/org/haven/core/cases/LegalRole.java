package org.haven.core.cases;

/** The person's role in legal proceedings. A presumed victim who is a SUSPECT is flagged (non-punishment). */
public enum LegalRole {
    NONE, WITNESS, COMPLAINANT, SUSPECT
}

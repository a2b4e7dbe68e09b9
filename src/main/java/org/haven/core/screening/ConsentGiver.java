package org.haven.core.screening;

/** Who gave the consent: the person, or someone entitled to give it for them (e.g. for a child). */
public enum ConsentGiver {
    PERSON, PARENT_OR_GUARDIAN, LEGAL_REPRESENTATIVE
}

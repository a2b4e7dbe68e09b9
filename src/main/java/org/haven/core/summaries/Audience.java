package org.haven.core.summaries;

/** Who a case summary is for. What each audience may read is decided by {@link RedactionPolicy}. */
public enum Audience {
    /** The organisation's own staff: the full record. */
    INTERNAL,
    /** A partner organisation (shelter, service provider, embassy desk): no identity, no free text. */
    EXTERNAL,
    /** A court or prosecutor: identity yes, contacts and free-text notes no. */
    COURT
}

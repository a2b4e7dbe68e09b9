package org.haven.core.screening;

/** What a consent covers: the interview itself, and each kind of data sharing. */
public enum ConsentPurpose {
    INTERVIEW, SHARE_SERVICE_PROVIDERS, SHARE_LAW_ENFORCEMENT, SHARE_EMBASSY, ANONYMIZED_STATISTICS
}

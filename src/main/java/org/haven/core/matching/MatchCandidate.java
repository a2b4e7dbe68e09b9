package org.haven.core.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person who may be the one looked up: score 0..100, the reasons, and what the caseworker needs
 * to decide (names, birth, nationality, the latest case they may see). Personal data: never log.
 */
public record MatchCandidate(UUID personId, int score, List<MatchReason> reasons, String nameLatin, String nameNative,
                             LocalDate birthDate, Integer estimatedAge, String nationality, UUID caseId,
                             String caseNumber, int caseCount, String sex, String caseStatus) {

    public MatchCandidate(UUID personId, int score, List<MatchReason> reasons, String nameLatin, String nameNative,
                          LocalDate birthDate, Integer estimatedAge, String nationality, UUID caseId,
                          String caseNumber, int caseCount) {
        this(personId, score, reasons, nameLatin, nameNative, birthDate, estimatedAge, nationality, caseId, caseNumber,
                caseCount, null, null);
    }

    /** The reasons in English, separated by "; " (the CLI's why column). */
    public String why() {
        return reasons.stream().map(MatchReason::text).collect(Collectors.joining("; "));
    }
}

package org.haven.core.operations;

import java.time.LocalDate;
import java.util.UUID;

/** A raid or rescue operation under which many people are registered. */
public record Operation(UUID id, String code, String name, LocalDate date, String province, String place,
                        String agencies, Integer peopleFound, String notes, int version) {}

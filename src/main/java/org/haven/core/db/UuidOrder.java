package org.haven.core.db;

import java.util.Comparator;
import java.util.UUID;

/** UUIDs in the order the database sorts them (unsigned, high bits first), unlike {@link UUID#compareTo}. */
public final class UuidOrder {
    public static final Comparator<UUID> COMPARATOR = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private UuidOrder() {}
}

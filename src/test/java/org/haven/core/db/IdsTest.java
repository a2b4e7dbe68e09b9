package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys made on the device are UUID v7 (RFC 9562): time-ordered, so ids made in order sort in order. */
class IdsTest {
    @Test
    void idsAreVersion7WithTheRfcVariant() {
        for (int i = 0; i < 1000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).as("version nibble").isEqualTo(7);
            assertThat(id.variant()).as("variant bits 10").isEqualTo(2);
            assertThat(id.toString().charAt(14)).isEqualTo('7');
        }
    }

    @Test
    void idsMadeInOrderSortInOrderAsTheDatabaseSortsThem() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) made.add(Ids.newId()); // many within the same millisecond
        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made).isSortedAccordingTo(UuidOrder.COMPARATOR);
        // Their text sorts the same way (an outbox or a file listing sorted by id keeps the order they were made in).
        assertThat(made.stream().map(UUID::toString).toList()).isSorted();
    }

    @Test
    void theTimestampIsTheTimeOfMaking() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();
        long millis = id.getMostSignificantBits() >>> 16; // the first 48 bits: Unix time in milliseconds
        assertThat(millis).isBetween(before, after);
    }
}

package org.haven.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.haven.core.people.names.NameKeys;
import org.junit.jupiter.api.Test;

/**
 * Family names weigh over shared given names (issue 18: 14 of 20 grid rows were flagged, mostly on
 * common given names). Every pair below has the same birth year and nationality, as people from one
 * raid often do, so only the name decides.
 */
class FamilyNameWeightTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static MatchScorer.Subject who(String latin, String nativeName, String nationality) {
        return new MatchScorer.Subject(NameKeys.variants(latin, nativeName, null), null, 27, TODAY, nationality);
    }

    private static boolean flags(String a, String b, String nationality) {
        return MatchScorer.score(who(a, null, nationality), who(b, null, nationality)) != null;
    }

    private static boolean flags(String latinA, String nativeA, String latinB, String nativeB, String nationality) {
        return MatchScorer.score(who(latinA, nativeA, nationality), who(latinB, nativeB, nationality)) != null;
    }

    @Test
    void aSharedGivenNameAloneDoesNotFlag() {
        // Vietnamese, family name first; "Thi" and "Van" are middle names half the country shares.
        assertThat(flags("Nguyễn Thị Lan", "Trần Thị Lan", "VN")).isFalse();
        assertThat(flags("Nguyễn Văn Minh", "Lê Văn Minh", "VN")).isFalse();
        assertThat(flags("Thị Lan", "Nguyễn Thị Lan", "VN")).isFalse();
        // Thai, given name first.
        assertThat(flags("Somchai Jaidee", "Somchai Srisuk", "TH")).isFalse();
        assertThat(flags("Somchai", "Somchai Jaidee", "TH")).isFalse();
        assertThat(flags("สมชาย ศรีสุข", "Somchai Jaidee", "TH")).isFalse();
        // Bangladeshi and Indonesian.
        assertThat(flags("Mohammed Rahman", "Mohammed Karim", "BD")).isFalse();
        assertThat(flags("Mohammed Ali Hossain", "Mohammed Ali Khan", "BD")).isFalse();
        assertThat(flags("Siti Rahayu", "Siti Aminah", "ID")).isFalse();
        // Khmer (family name first), in Khmer script against Latin.
        assertThat(flags(null, "សុខ ដារ៉ា", "Chan Dara", null, "KH")).isFalse();
        // Chinese: the same given name, another family.
        assertThat(flags(null, "王伟", "Li Wei", null, "CN")).isFalse();
    }

    @Test
    void aSharedFamilyNameWithAnotherGivenNameDoesNotFlag() {
        // Nguyen is the name of about four in ten Vietnamese; the given names differ only in vowels.
        assertThat(flags("Nguyễn Thị Lan", "Nguyễn Thị Hoa", "VN")).isFalse();
        assertThat(flags("Nguyễn Thị Hoa", "Nguyễn Thị Huệ", "VN")).isFalse();
        assertThat(flags("Nguyễn Thị Linh", "Nguyễn Thị Lan", "VN")).isFalse();
        assertThat(flags("Wang Wei", "Wang Fang", "CN")).isFalse();
        assertThat(flags("Sok Dara", "Sok Vanna", "KH")).isFalse();
    }

    @Test
    void theFamilyNameWithACloseGivenNameFlags() {
        assertThat(flags("Nguyễn Thị Lan", "Nguyen Thi Lan", "VN")).isTrue();
        assertThat(flags("Nguyen Van Hung", "Nguyen Van Hnug", "VN")).isTrue();
        assertThat(flags("Nguyễn Thị Lan", "Nguyễn Lan", "VN")).isTrue(); // middle name left out
        assertThat(flags("Nguyen V Hung", "Nguyen Van Hung", "VN")).isTrue(); // middle name as an initial
        assertThat(flags("Mohammed Rahman", "Muhammad Rahman", "BD")).isTrue();
        assertThat(flags("Siti Rahayu", "Sity Rahaju", "ID")).isTrue();
        assertThat(flags("Chanthou Sok", "Chanthu Sok", "KH")).isTrue();
    }

    @Test
    void theSameFullNameInAnotherScriptOrOrderFlags() {
        assertThat(flags("Hung Nguyen Van", "Nguyễn Văn Hùng", "VN")).isTrue();
        assertThat(flags(null, "王伟", "Wang Wei", null, "CN")).isTrue();
        assertThat(flags(null, "王伟", "Wei Wang", null, "CN")).isTrue();
        assertThat(flags(null, "王小明", "Wang Xiaoming", null, "CN")).isTrue();
        assertThat(flags(null, "សុខ ដារ៉ា", "Sok Dara", null, "KH")).isTrue();
        assertThat(flags(null, "ហេង វណ្ណា", "Vanna Heng", null, "KH")).isTrue();
        assertThat(flags(null, "สมชาย ใจดี", "Somchai Jaidee", null, "TH")).isTrue();
        assertThat(flags(null, "ສົມພອນ ແສງທອງ", "Somphone Saengthong", null, "LA")).isTrue();
    }

    @Test
    void myanmarNamesHaveNoFamilyNameSoEveryWordCounts() {
        // Common words shared, different people.
        assertThat(flags("Aung Kyaw", "Aung Min", "MM")).isFalse();
        assertThat(flags("Kyaw Kyaw", "Kyaw Zin", "MM")).isFalse();
        // A word more is another name, not a middle name left out.
        assertThat(flags("Myint Myint", "Myint Myint Aye", "MM")).isFalse();
        assertThat(flags("Aung San Oo", "Aung Oo", "MM")).isFalse();
        // The same name, a typo, another order of writing it, or the Myanmar script: the same person.
        assertThat(flags("Myint Myint Aye", "Myint Myint Aye", "MM")).isTrue();
        assertThat(flags("Myint Miynt Aye", "Myint Myint Aye", "MM")).isTrue();
        assertThat(flags("Thida", "Thdia", "MM")).isTrue();
        String mm = "မြင့်မြင့်အေး";
        assertThat(flags(null, mm, null, mm, "MM")).isTrue();
    }

    @Test
    void aGridOfTwentyPeopleFromOneRaidFlagsOnlyTheRealDuplicates() {
        List<String> registered = List.of("Nguyễn Thị Lan", "Trần Văn Minh", "Lê Thị Hoa", "Phạm Văn Hùng",
                "Somchai Jaidee", "Mohammed Rahman", "Siti Rahayu", "Sok Dara", "Wang Wei", "Aung Kyaw");
        List<String> grid = List.of(
                "Trần Thị Lan", "Nguyễn Văn Minh", "Nguyễn Thị Hoa", "Lê Văn Hùng", "Somchai Srisuk",
                "Mohammed Karim", "Siti Aminah", "Chan Dara", "Li Wei", "Aung Min",
                "Vũ Thị Lan", "Đỗ Văn Minh", "Hoàng Thị Hoa", "Phạm Thị Huệ", "Anan Jaidee",
                "Abdul Rahman Khan", "Dewi Rahayu", "Sok Vanna", "Zhang Wei",
                // the only one who is someone already registered:
                "Nguyen Thi Lan");
        int flagged = 0;
        for (String row : grid) {
            for (String existing : registered) {
                if (MatchScorer.score(who(row, null, null), who(existing, null, null)) != null) {
                    flagged++;
                    assertThat(row).isEqualTo("Nguyen Thi Lan");
                    break;
                }
            }
        }
        assertThat(flagged).isEqualTo(1);
    }
}

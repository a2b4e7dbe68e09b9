package org.haven.core.people.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Latin spelling Haven derives for a name typed in its own script only. */
class LatinNamesTest {
    @Test
    void chineseGetsPinyinWithTheFamilyNameApart() {
        assertThat(LatinNames.derive("王小明")).isEqualTo("Wang Xiaoming");
        assertThat(LatinNames.derive("李娜")).isEqualTo("Li Na");
    }

    @Test
    void khmerAndLaoGoThroughHavensOwnTables() {
        assertThat(LatinNames.derive("សុខ ដារ៉ា")).isEqualTo("Sokh Dara");
        assertThat(LatinNames.derive("ຄຳ")).isNotBlank().matches("[A-Za-z ]+");
    }

    @Test
    void thaiAndVietnameseComeOutInPlainLatinLetters() {
        assertThat(LatinNames.derive("สมชาย")).matches("[A-Z][a-z]+");
        assertThat(LatinNames.derive("Nguyễn Thị Hoa")).isEqualTo("Nguyen Thi Hoa");
    }

    @Test
    void nothingToSpellGivesNothing() {
        assertThat(LatinNames.derive(null)).isEmpty();
        assertThat(LatinNames.derive("  ")).isEmpty();
        assertThat(LatinNames.derive("--")).isEmpty();
    }
}

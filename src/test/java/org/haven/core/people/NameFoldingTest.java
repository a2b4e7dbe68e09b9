package org.haven.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFoldingTest {
    @Test
    void vietnameseDiacriticsFold() {
        assertThat(NameFolding.fold("Nguyễn Thị Hương")).isEqualTo("nguyen thi huong");
        assertThat(NameFolding.fold("Đặng Văn Đức")).isEqualTo("dang van duc");
    }

    @Test
    void otherScriptsAreTransliterated() {
        assertThat(NameFolding.fold("王伟")).isEqualTo("wang wei");
        assertThat(NameFolding.fold("สมชาย")).isNotBlank().matches("[a-z ]+");
    }

    @Test
    void chineseNamesAreFoundByAnyCharacter() {
        assertThat(NameFolding.searchTokens("Wang Xiuying", "王秀英", null)).contains("王秀英", "秀英", "英", "wang", "xiuying");
    }
}

package org.haven.core.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypesetterTest {
    final PDDocument doc = new PDDocument();
    final Typesetter ts = new Typesetter(doc);

    @AfterEach
    void close() throws Exception {
        doc.close();
    }

    @Test
    void runsFollowTheScriptAndSpacesStayWithTheirNeighbours() {
        List<Typesetter.Run> runs = ts.runs("Sok សុខ ដារ៉ា (王秀英)", false);
        assertThat(runs).extracting(Typesetter.Run::face).containsExactly(Face.LATIN, Face.KHMER, Face.CJK, Face.LATIN);
        assertThat(String.join("", runs.stream().map(Typesetter.Run::text).toList())).isEqualTo("Sok សុខ ដារ៉ា (王秀英)");
    }

    @Test
    void thaiWithoutSpacesWrapsBetweenWordsWithinTheWidthAndLosesNothing() {
        String thai = "ผู้เสียหายได้รับการช่วยเหลือจากศูนย์และได้พบกับเจ้าหน้าที่สถานทูตเพื่อขอเอกสารเดินทางฉบับใหม่";
        List<String> lines = ts.wrap(thai, 9f, false, 120f);
        assertThat(lines).hasSizeGreaterThan(2);
        for (String l : lines) assertThat(ts.width(l, 9f, false)).isLessThanOrEqualTo(120.5f);
        assertThat(String.join("", lines)).isEqualTo(thai);
    }

    @Test
    void newlinesInNotesStartNewLinesAndControlCharactersAreDropped() {
        assertThat(ts.wrap("first\r\nsecond\tpart", 9f, false, 400f)).containsExactly("first", "second part");
    }

    @Test
    void aCharacterNoBundledFontHasBecomesAQuestionMarkInsteadOfBreakingThePdf() {
        assertThat(ts.runs("a\uD83D\uDE00b", false)).extracting(Typesetter.Run::text).containsExactly("a?b");
    }
}

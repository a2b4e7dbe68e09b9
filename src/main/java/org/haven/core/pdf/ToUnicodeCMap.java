package org.haven.core.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/** Writes a ToUnicode CMap (two-byte codes, as Identity-H) from code -> text. */
final class ToUnicodeCMap {
    private ToUnicodeCMap() {}

    static COSStream stream(PDDocument doc, Map<Integer, String> meaning) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(meaning.entrySet());
        for (int from = 0; from < entries.size(); from += 100) { // at most 100 entries per block (PDF spec)
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(entries.size(), from + 100));
            sb.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                sb.append('<').append(String.format("%04X", e.getKey())).append("> <");
                for (char c : e.getValue().toCharArray()) sb.append(String.format("%04X", (int) c));
                sb.append(">\n");
            }
            sb.append("endbfchar\n");
        }
        sb.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        PDStream s = new PDStream(doc, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
        return s.getCOSObject();
    }
}

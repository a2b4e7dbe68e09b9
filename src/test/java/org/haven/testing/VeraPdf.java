package org.haven.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF (the PDF Association's reference validator) run in-process on a file, for the tests. */
public final class VeraPdf {
    /** veraPDF's verdict: compliant or not, and the failed rules (clause-test: description, count). */
    public record Verdict(boolean compliant, Map<String, String> failures) {}

    private VeraPdf() {}

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    public static Verdict validate(Path pdf, PDFAFlavour flavour) throws IOException {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> failures = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) continue;
                String key = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                failures.merge(key, a.getMessage() + " [1]", (old, x) -> old);
            }
            return new Verdict(result.isCompliant(), failures);
        } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
            throw new IOException("veraPDF could not validate " + pdf.getFileName() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            if (e instanceof IOException io) throw io;
            throw new IOException(e);
        }
    }

    /** The flavour a file claims in its XMP metadata (pdfaid:part and conformance), e.g. "2u". */
    public static List<String> claimed(Path pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var meta = doc.getDocumentCatalog().getMetadata();
            if (meta == null) return List.of();
            String xmp = new String(meta.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            return List.of(tag(xmp, "pdfaid:part"), tag(xmp, "pdfaid:conformance"));
        }
    }

    private static String tag(String xml, String name) {
        int from = xml.indexOf("<" + name + ">");
        int to = xml.indexOf("</" + name + ">");
        return from < 0 || to < 0 ? "" : xml.substring(from + name.length() + 2, to).strip();
    }
}

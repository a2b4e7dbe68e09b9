package org.haven.core.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.haven.core.common.Version;

/**
 * Makes a finished PDF an archival one (PDF/A-2u, ISO 19005-2: every glyph maps to Unicode): the
 * sRGB output intent that gives the device RGB colours a meaning (the profile is the JDK's own
 * sRGB), XMP metadata that says which PDF/A part and conformance the file claims and mirrors the
 * document information, the document language and a title shown instead of the file name.
 * Courts and archives keep these files for decades; veraPDF checks them in the tests.
 */
public final class ArchivalPdf {
    /** What the files claim: ISO 19005-2, level U. {@code ArchivalPdfTest} checks veraPDF agrees. */
    public static final int PART = 2;
    public static final String CONFORMANCE = "U";
    /** And PDF/UA-1 (ISO 14289-1, accessible): tagged, with a language and a displayed title. */
    public static final int UA_PART = 1;

    private ArchivalPdf() {}

    /**
     * Sets the metadata, language and output intent; call once, before saving.
     *
     * @param title    the document title (a case number or a report name; never a person's name)
     * @param language a BCP 47 language tag (the language of the labels)
     */
    public static void finish(PDDocument doc, String title, String language) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        Calendar created = GregorianCalendar.from(now);
        created.setTimeZone(TimeZone.getTimeZone("UTC"));
        String producer = "Haven " + Version.current();

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(producer);
        info.setProducer(producer);
        info.setCreationDate(created);
        info.setModificationDate(created);

        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(title, producer, now).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        catalog.setLanguage(language);
        PDViewerPreferences prefs = catalog.getViewerPreferences() == null
                ? new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary()) : catalog.getViewerPreferences();
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        intent.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFA1"));
        catalog.addOutputIntent(intent);
    }

    private static String xmp(String title, String producer, ZonedDateTime when) {
        String date = when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
                    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <xmp:MetadataDate>%s</xmp:MetadataDate>
                   <pdf:Producer>%s</pdf:Producer>
                   <pdfaid:part>%d</pdfaid:part>
                   <pdfaid:conformance>%s</pdfaid:conformance>
                   <pdfuaid:part>%d</pdfuaid:part>
                   <pdfaExtension:schemas>
                    <rdf:Bag>
                     <rdf:li rdf:parseType="Resource">
                      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                      <pdfaSchema:property>
                       <rdf:Seq>
                        <rdf:li rdf:parseType="Resource">
                         <pdfaProperty:name>part</pdfaProperty:name>
                         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                         <pdfaProperty:category>internal</pdfaProperty:category>
                         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                        </rdf:li>
                       </rdf:Seq>
                      </pdfaSchema:property>
                     </rdf:li>
                    </rdf:Bag>
                   </pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), xml(producer), date, date, date, xml(producer), PART, CONFORMANCE, UA_PART);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

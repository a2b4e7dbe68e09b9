package org.haven.core.pdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;

/**
 * The logical structure of a tagged PDF (ISO 32000-1, 14.7-14.8): a Document element holding
 * headings (H1, H2), paragraphs (P), tables (Table, TR, TH, TD) and figures in reading order, so a
 * screen reader reads the document as it is meant to be read. Elements are made in the order the
 * layout draws them; each page's marked content is linked to its element when the page is finished.
 * Everything drawn outside an element (rules, fills, the running header and footer) is an artifact.
 */
public final class Structure {
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    private final COSArray parentTree = new COSArray();
    private int nextParent;

    public Structure() {
        document = new PDStructureElement("Document", root);
        root.appendKid(document);
    }

    /** The top-level element (Document). */
    public PDStructureElement document() {
        return document;
    }

    /** A new element of {@code type} (H1, P, Table, TR, TD...) appended to {@code parent} (null: the document). */
    public PDStructureElement add(PDStructureElement parent, String type) {
        PDStructureElement p = parent == null ? document : parent;
        PDStructureElement e = new PDStructureElement(type, p);
        p.appendKid(e);
        return e;
    }

    /** A header cell (TH) of a row ({@code row} true) or of a column: PDF/UA wants the scope of every TH. */
    public PDStructureElement header(PDStructureElement tr, boolean row) {
        PDStructureElement th = add(tr, "TH");
        PDTableAttributeObject scope = new PDTableAttributeObject();
        scope.setScope(row ? PDTableAttributeObject.SCOPE_ROW : PDTableAttributeObject.SCOPE_COLUMN);
        th.addAttribute(scope);
        return th;
    }

    /** A figure with its alternative text (what a screen reader says instead of the picture). */
    public PDStructureElement figure(PDStructureElement parent, String alt) {
        PDStructureElement e = add(parent, "Figure");
        e.setAlternateDescription(alt);
        return e;
    }

    /** Links a finished page's marked content (MCID i belongs to {@code owners.get(i)}) to its elements. */
    void pageFinished(PDPage page, List<PDStructureElement> owners) {
        if (owners.isEmpty()) return;
        int key = nextParent++;
        page.setStructParents(key);
        COSArray byMcid = new COSArray();
        for (int mcid = 0; mcid < owners.size(); mcid++) {
            PDStructureElement owner = owners.get(mcid);
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setMCID(mcid);
            ref.setPage(page);
            owner.appendKid(ref);
            byMcid.add(owner);
        }
        parentTree.add(COSInteger.get(key));
        parentTree.add(byMcid);
    }

    /** Puts the structure tree into the document and marks it as tagged; call before saving. */
    public void finish(PDDocument doc) {
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NUMS, parentTree);
        root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
        root.setParentTreeNextKey(nextParent);
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(mark);
    }

    static List<PDStructureElement> newOwners() {
        return new ArrayList<>();
    }
}

package fr.la27eregion.label.control;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The structure tree of a tagged PDF, written as its pages are drawn: each piece of content is drawn
 * inside a marked-content sequence that a structure element (a heading, a paragraph, a figure, a link) points to,
 * and what only decorates is marked as an artifact. A screen reader then reads the certificate in its logical
 * order, with the QR code's description, instead of guessing from positions.
 *
 * <p>A certificate is one page; a longer document ({@link ApplicationPdf}) {@linkplain #turn turns} to the next page
 * as it goes: an element begun on one page and continued on the next points to its content there by a
 * marked-content reference naming that page, and each page has its own entry in the parent tree.
 */
final class TaggedPage {

    /** Draws content on the page's stream. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    private PDPage page;
    private PDPageContentStream stream;
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    /** The structure element of each marked-content id of the current page, in order: its entry in the parent tree. */
    private COSArray marked = new COSArray();
    private int pageKey;
    private final Map<Integer, COSObjectable> parents = new HashMap<>();
    private int nextKey = 1;

    TaggedPage(PDDocument pdf, PDPage page, PDPageContentStream stream, String language) {
        this.page = page;
        this.stream = stream;
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        document.setLanguage(language);
        root.appendKid(document);
        page.setStructParents(0);
    }

    /**
     * Goes on drawing on another page (its stream open, not yet drawn on): the marked content of the page left is
     * closed in the parent tree, the new page gets the next key.
     */
    void turn(PDPage next, PDPageContentStream nextStream) {
        parents.put(pageKey, new PDParentTreeValue(marked));
        marked = new COSArray();
        pageKey = nextKey++;
        page = next;
        stream = nextStream;
        page.setStructParents(pageKey);
    }

    /** A new structure element of this type under the document, in reading order. */
    PDStructureElement element(String type) {
        return element(type, document);
    }

    /** A new structure element of this type under another one. */
    PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement element = new PDStructureElement(type, parent);
        element.setPage(page);
        parent.appendKid(element);
        return element;
    }

    /** Draws content as the next marked-content sequence of an element. */
    void draw(PDStructureElement element, Drawing drawing) throws IOException {
        int id = marked.size();
        COSName tag = COSName.getPDFName(element.getStructureType());
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, id);
        stream.beginMarkedContent(tag, PDPropertyList.create(properties));
        drawing.draw();
        stream.endMarkedContent();
        if (element.getPage() == null || element.getPage().getCOSObject() == page.getCOSObject()) {
            element.appendKid(new PDMarkedContent(tag, properties));
        } else {
            // content of an element begun on an earlier page: a reference that names its page
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setMCID(id);
            reference.setPage(page);
            element.appendKid(reference);
        }
        marked.add(element);
    }

    /** Draws what only decorates (frames, rules): a screen reader skips it. */
    void artifact(Drawing drawing) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        stream.endMarkedContent();
    }

    /** Makes an annotation (a link) part of an element, as an object reference. */
    void annotation(PDStructureElement element, PDAnnotation annotation) {
        int key = nextKey++;
        annotation.setStructParent(key);
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(annotation);
        reference.setPage(page);
        element.appendKid(reference);
        parents.put(key, element);
    }

    /** Writes the parent tree, which leads from the page's content back to the elements; call once, last. */
    void finish() {
        parents.put(pageKey, new PDParentTreeValue(marked));
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        root.setParentTree(parentTree);
        root.setParentTreeNextKey(nextKey);
    }
}

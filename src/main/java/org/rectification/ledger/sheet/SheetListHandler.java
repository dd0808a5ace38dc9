package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the sheets an .xlsx's workbook part (xl/workbook.xml) lists: name, visibility and the relationship
 * that leads to the sheet's part, in workbook order. The one place that decides whether a sheet is hidden, for
 * reading the submission and for copying its sheets into a return notice alike.
 */
final class SheetListHandler extends DefaultHandler {

    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /**
     * @param relationshipId the id (r:id) of the workbook relationship to the sheet's part, or null
     * @param hidden hidden or very hidden (state="hidden" or "veryHidden")
     */
    record Entry(String name, String relationshipId, boolean hidden) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("sheet".equals(localName)) {
            String state = attributes.getValue("state");
            this.entries.add(new Entry(attributes.getValue("name"), attributes.getValue(RELATIONSHIPS_NS, "id"),
                    "hidden".equals(state) || "veryHidden".equals(state)));
        }
    }

    /** The sheets in workbook order. */
    List<Entry> entries() {
        return this.entries;
    }

}

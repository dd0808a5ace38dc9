package org.rectification.ledger.sheet;

import java.util.Locale;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.system.Messages;

/**
 * The mark every workbook this product writes carries, so that none of them is ever taken in as a
 * department's submission when it lands in the inbox (a clerk saving an attachment there, or {@code check}
 * writing a notice next to a sheet inside the inbox). It is a custom document property, which Excel and WPS keep
 * when the file is saved again, and the application name in docProps/app.xml; the sheet readers look for it.
 */
public final class ProductMark {

    /** The custom document property's name; its value is the {@link Kind} of workbook. */
    public static final String PROPERTY = "rectification-ledger";

    /** The application name written into docProps/app.xml. */
    public static final String APPLICATION = "rectification-ledger";

    /** What the product wrote. */
    public enum Kind {

        NOTICE, LEDGER, PROGRESS, ROSTER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind a property value names; OTHER-like values (an older or newer product) count as a workbook. */
        public static String label(String value) {
            for (Kind kind : values()) {
                if (kind.code().equalsIgnoreCase(String.valueOf(value).trim())) {
                    return Messages.get("sheet.own-output." + kind.code());
                }
            }
            return Messages.get("sheet.own-output.other");
        }

    }

    private ProductMark() {
    }

    /** Marks a workbook before it is written. */
    public static void mark(XSSFWorkbook workbook, Kind kind) {
        POIXMLProperties properties = workbook.getProperties();
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        if (!custom.contains(PROPERTY)) {
            custom.addProperty(PROPERTY, kind.code());
        }
        properties.getExtendedProperties().getUnderlyingProperties().setApplication(APPLICATION);
    }

}

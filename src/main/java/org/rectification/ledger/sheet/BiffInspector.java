package org.rectification.ledger.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFClientAnchor;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFPicture;
import org.apache.poi.hssf.usermodel.HSSFShape;
import org.apache.poi.hssf.usermodel.HSSFShapeContainer;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads sheet visibility, picture anchors and the product mark of a legacy .xls with HSSF. HSSF loads the whole workbook,
 * which is acceptable because the file's size is bounded by {@link ReadSettings.Limits#maxFileBytes()}
 * before this runs. A FILEPASS record (open password) surfaces here as {@link ReadFailure#ENCRYPTED}.
 */
final class BiffInspector {

    private final Path file;

    BiffInspector(Path file) {
        this.file = file;
    }

    WorkbookOutline inspect() {
        try (POIFSFileSystem fs = new POIFSFileSystem(this.file.toFile(), true);
                HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
            List<WorkbookOutline.SheetOutline> sheets = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                HSSFSheet sheet = workbook.getSheetAt(i);
                boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
                Set<WorkbookOutline.Cell> pictures = new HashSet<>();
                HSSFPatriarch patriarch = sheet.getDrawingPatriarch();
                if (patriarch != null) {
                    collect(patriarch, pictures);
                }
                sheets.add(new WorkbookOutline.SheetOutline(i, workbook.getSheetName(i), hidden, pictures));
            }
            return new WorkbookOutline(sheets, Set.of(), productMark(workbook));
        }
        catch (EncryptedDocumentException ex) {
            throw ReadFailures.failure(ReadFailure.ENCRYPTED, this.file, ex, "sheet.encrypted");
        }
        catch (IOException | RuntimeException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, this.file, ex, "sheet.unreadable",
                    FormatSniffer.describe(ex));
        }
    }

    /** The product's custom summary property, kept when a notice is saved again as .xls. */
    private static String productMark(HSSFWorkbook workbook) {
        DocumentSummaryInformation summary = workbook.getDocumentSummaryInformation();
        if (summary == null || summary.getCustomProperties() == null) {
            return null;
        }
        Object value = summary.getCustomProperties().get(ProductMark.PROPERTY);
        return (value != null) ? String.valueOf(value) : null;
    }

    private static void collect(HSSFShapeContainer container, Set<WorkbookOutline.Cell> pictures) {
        for (HSSFShape shape : container.getChildren()) {
            if (shape instanceof HSSFPicture && shape.getAnchor() instanceof HSSFClientAnchor anchor) {
                pictures.add(new WorkbookOutline.Cell(anchor.getRow1(), anchor.getCol1()));
            }
            else if (shape instanceof HSSFShapeContainer group) {
                collect(group, pictures);
            }
        }
    }

}

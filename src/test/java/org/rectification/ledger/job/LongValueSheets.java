package org.rectification.ledger.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Department sheets holding the longest values a sheet can: the sample county's 住建局 (.xlsx) and 人社局 (.xls)
 * October sheets with a 32,767-character cell in every text column of their first task row, a 201-character 责任人
 * in the second, a 32,767-character 整改时限 (a row error quoting it) in the third and 整改状态 in the fourth, and
 * the longest sheet name each format carries: 300 characters in the .xlsx (its workbook.xml sets no limit), 255 in
 * the .xls (a one-byte length in its BOUNDSHEET record). Excel itself stops names at 31 characters, so POI has to
 * be bypassed to write them.
 */
final class LongValueSheets {

    /** The most characters an Excel cell holds. */
    static final int CELL = 32_767;

    static final String XLSX = "住建局-10月（长内容）.xlsx";

    static final String XLS = "人社局-10月（长内容）.xls";

    static final String XLSX_SHEET = long_("住建局工作表名称很长", 300);

    static final String XLS_SHEET = long_("人社局工作表名称很长", 255);

    static final String OWNER_201 = long_("蒋磊、方强、沈洁、", 201);

    /** Words long texts are made of, picked at random so they compress like real prose (not as a zip bomb). */
    private static final String[] WORDS = { "整改", "落实", "责任", "推进", "问题", "措施", "完成", "销号", "督办", "台账",
            "佐证", "材料", "会议", "研究", "部署", "排查", "清单", "制度", "机制", "建立", "健全", "监督", "检查", "专项",
            "治理", "规范", "管理", "项目", "资金", "使用", "审批", "流程", "群众", "满意", "投诉", "办理", "及时", "公开",
            "公示", "党组", "书记", "分管", "领导", "科室", "人员", "培训", "学习", "教育", "警示", "约谈", "通报", "考核",
            "，", "。", "；", "、", "2026年", "11月", "第一", "阶段", "长效", "常态化", "已", "正在", "按期", "逐项" };

    /** The long text of a column, distinct per column and file, exactly {@code length} characters, the same each time. */
    static String text(String column, String file, int length) {
        java.util.Random random = new java.util.Random((file + "|" + column).hashCode());
        StringBuilder text = new StringBuilder(length + 8).append(file).append(column).append('：');
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.substring(0, length);
    }

    static String long_(String seed, int length) {
        StringBuilder text = new StringBuilder(length + seed.length());
        while (text.length() < length) {
            text.append(seed);
        }
        return text.substring(0, length);
    }

    private LongValueSheets() {
    }

    /** Writes both sheets into the folder; returns the folder. */
    static Path writeBoth(Path folder) {
        xlsx(folder.resolve(XLSX));
        xls(folder.resolve(XLS));
        return folder;
    }

    /**
     * 住建局: A 序号, B 任务编号, C 反馈问题, D 整改措施, E 责任人, F 责任单位, G 责任领导, H 整改时限, I 整改状态, J 整改进展,
     * K 备注, L 佐证材料, M 问题类别, and a 配合单位 column N added.
     */
    static Path xlsx(Path file) {
        try (InputStream in = Files.newInputStream(LedgerWorkspace.SAMPLES.resolve("2026-10/住建局-10月整改任务分解表.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(2).createCell(13).setCellValue("配合单位");
            fill(sheet.getRow(3), "xlsx", new String[] { "seq", "code", "problem", "measure", "owner", "unit", "leader",
                    null, null, "progress", "remarks", "evidence", "category", "co" });
            sheet.getRow(4).getCell(4).setCellValue(OWNER_201);
            sheet.getRow(5).getCell(7).setCellValue(text("deadline", "xlsx", CELL));
            sheet.getRow(6).getCell(8).setCellValue(text("status", "xlsx", CELL));
            byte[] bytes = renameSheetInZip(bytes(workbook), "住建局", XLSX_SHEET);
            return Files.write(file, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * 人社局: A 序号, B 问题类别, C 反馈问题, D 整改措施, E 责任领导, F 责任单位, G 责任人, H 整改时限, I 整改状态, J 整改进展,
     * K 佐证材料, L 备注, and 任务编号 (M) and 配合单位 (N) columns added.
     */
    static Path xls(Path file) {
        try (InputStream in = Files.newInputStream(LedgerWorkspace.SAMPLES.resolve("2026-10/人社局-10月整改任务分解表.xls"));
                HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(2).createCell(12).setCellValue("任务编号");
            sheet.getRow(2).createCell(13).setCellValue("配合单位");
            fill(sheet.getRow(3), "xls", new String[] { "seq", "category", "problem", "measure", "leader", "unit",
                    "owner", null, null, "progress", "evidence", "remarks", "code", "co" });
            sheet.getRow(4).getCell(6).setCellValue(OWNER_201);
            sheet.getRow(5).getCell(7).setCellValue(text("deadline", "xls", CELL));
            sheet.getRow(6).getCell(8).setCellValue(text("status", "xls", CELL));
            BoundSheetRecord record = ((java.util.List<?>) getField(workbook.getInternalWorkbook(), "boundsheets"))
                .stream().map(BoundSheetRecord.class::cast).findFirst().orElseThrow();
            setField(record, "field_5_sheetname", XLS_SHEET);
            setField(record, "field_4_isMultibyteUnicode", 1);
            return Files.write(file, bytes(workbook));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** TextForms with every C0 control character and a lone surrogate: an .xls stores them as they are. */
    static final String CONTROLS;

    static {
        StringBuilder text = new StringBuilder("控制字符：");
        for (char c = 0; c < 0x20; c++) {
            text.append(c).append('字');
        }
        CONTROLS = text.append('\uD800').append("完").toString();
    }

    /** 人社局's October sheet with control characters in the problem, measure and owner of its first task row. */
    static Path controls(Path file) {
        try (InputStream in = Files.newInputStream(LedgerWorkspace.SAMPLES.resolve("2026-10/人社局-10月整改任务分解表.xls"));
                HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Row row = workbook.getSheetAt(0).getRow(3);
            row.getCell(2).setCellValue("问题" + CONTROLS);
            row.getCell(3).setCellValue("措施" + CONTROLS);
            row.getCell(6).setCellValue("责任人" + CONTROLS);
            return Files.write(file, bytes(workbook));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void fill(Row row, String file, String[] columns) {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                row.createCell(c).setCellValue(text(columns[c], file, CELL));
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** Renames the sheet in xl/workbook.xml, where no length check stands in the way. */
    private static byte[] renameSheetInZip(byte[] xlsx, String from, String to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    if (!xml.contains("name=\"" + from + "\"")) {
                        throw new IllegalStateException("no sheet " + from + " in " + xml);
                    }
                    xml = xml.replace("name=\"" + from + "\"", "name=\"" + to + "\"")
                        .replace("'" + from + "'!", "'" + to + "'!")
                        .replace(">" + from + "!", ">'" + to + "'!");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Object getField(Object target, String name) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("POI changed: cannot read " + name, ex);
        }
    }

    private static void setField(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("POI changed: cannot set " + name, ex);
        }
    }

}

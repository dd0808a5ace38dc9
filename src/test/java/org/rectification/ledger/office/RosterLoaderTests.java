package org.rectification.ledger.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.rectification.ledger.roster.Roster;

class RosterLoaderTests {

    private static final String CSV = "单位名称,别名\n县民政局,民政局;县民政\n县教育局,教育局、教体局\n\"县 财政局\",财政局|县财政\n";

    @TempDir
    Path dir;

    @Test
    void readsGbkCsvAsChineseExcelSavesIt() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.write(file, CSV.getBytes(Charset.forName("GBK")));
        Roster roster = RosterLoader.load(file);
        assertThat(roster.names()).containsExactly("县民政局", "县教育局", "县 财政局");
        assertThat(roster.find("教体局")).contains("县教育局");
        assertThat(roster.find("县财政")).contains("县 财政局");
    }

    @Test
    void readsUtf8CsvWithBom() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        assertThat(RosterLoader.load(file).names()).containsExactly("县民政局", "县教育局", "县 财政局");
    }

    @Test
    void readsEnglishHeaderAndMatchesIgnoringSpacesAndFullWidth() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "department,aliases\n县审计局,审计局\n", StandardCharsets.UTF_8);
        Roster roster = RosterLoader.load(file);
        assertThat(roster.find("县 审计局\n")).contains("县审计局");
        assertThat(roster.findIn("审计局-11月整改任务分解表.xlsx")).contains("县审计局");
        assertThat(roster.find("县档案馆")).isEmpty();
    }

    @Test
    void readsAnXlsxRoster() throws IOException {
        Path file = this.dir.resolve("roster.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("单位");
            sheet.createRow(0).createCell(0).setCellValue("单位名称");
            sheet.getRow(0).createCell(1).setCellValue("别名");
            sheet.createRow(1).createCell(0).setCellValue("县民政局");
            sheet.getRow(1).createCell(1).setCellValue("民政局");
            workbook.write(out);
        }
        assertThat(RosterLoader.load(file).find("民政局")).contains("县民政局");
    }

    @Test
    void refusesADepartmentListedTwice() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "单位名称\n县民政局\n县 民政局\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterLoader.load(file)).isInstanceOf(JobFileException.class)
            .hasMessageContaining("第 3 行")
            .hasMessageContaining("县 民政局");
    }

    @Test
    void refusesAnAliasClaimedByTwoDepartments() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "单位名称,别名\n县民政局,民政\n县民宗局,民政\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterLoader.load(file)).isInstanceOf(JobFileException.class)
            .hasMessageContaining("第 3 行")
            .hasMessageContaining("“民政”已属于“县民政局”");
    }

    @Test
    void readsReportingContactAndMailsInAnyColumnOrder() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "联系邮箱,单位名称,是否报送,联系人,别名\n"
                + "mz@example.gov.cn；mz2@example.gov.cn,县民政局,是,张三,民政局\n"
                + ",县档案馆,否,,\n"
                + "jy@example.gov.cn,县教育局,,李四,\n", StandardCharsets.UTF_8);
        Roster roster = RosterLoader.load(file);
        Roster.Department civil = roster.department("县民政局").orElseThrow();
        assertThat(civil.mails()).containsExactly("mz@example.gov.cn", "mz2@example.gov.cn");
        assertThat(civil.contact()).isEqualTo("张三");
        assertThat(civil.reporting()).isTrue();
        assertThat(roster.department("县档案馆").orElseThrow().reporting()).isFalse();
        assertThat(roster.department("县档案馆").orElseThrow().mails()).isEmpty();
        assertThat(roster.expected()).extracting(Roster.Department::name).containsExactly("县民政局", "县教育局");
    }

    @Test
    void refusesAMailAddressThatIsNotOne() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "单位名称,联系邮箱\n县民政局,mz@example.gov.cn\n县教育局,教育局邮箱\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterLoader.load(file)).isInstanceOf(JobFileException.class)
            .hasMessageContaining("roster.csv")
            .hasMessageContaining("第 3 行")
            .hasMessageContaining("“教育局邮箱”不是有效的邮箱地址");
    }

    @Test
    void refusesAReportingValueThatIsNeitherYesNorNo() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "单位名称,是否报送\n县民政局,暂停\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterLoader.load(file)).isInstanceOf(JobFileException.class)
            .hasMessageContaining("第 2 行")
            .hasMessageContaining("“暂停”");
    }

    @Test
    void refusesARosterWithoutHeader() throws IOException {
        Path file = this.dir.resolve("roster.csv");
        Files.writeString(file, "县民政局\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterLoader.load(file)).isInstanceOf(JobFileException.class)
            .hasMessageContaining("单位名称");
    }

}

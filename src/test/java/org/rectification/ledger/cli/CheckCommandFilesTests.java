package org.rectification.ledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} on files that are not there, and on a notice it wrote itself. */
class CheckCommandFilesTests {

    @TempDir
    Path temp;

    @Test
    void aMissingFileIsSaidToBeMissingNotDamaged() {
        Path missing = this.temp.resolve("不存在的报送表.xlsx");

        ConsoleOutput output = ConsoleOutput.of("check", missing.toString());

        assertThat(output.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(output.err()).contains("错误：文件不存在：" + missing).doesNotContain("损坏");
        assertThat(output.out()).isEmpty();
    }

    @Test
    void aDamagedFileIsSaidToBeDamagedWithoutTheLibrarysWords() throws Exception {
        Path broken = Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-11/损坏文件.xlsx"), this.temp.resolve("损坏文件.xlsx"));

        ConsoleOutput output = ConsoleOutput.of("check", broken.toString());

        assertThat(output.exitCode()).isEqualTo(CheckCommand.HAS_ERRORS);
        // (log lines of this test JVM may share the output; the console's own logging is LauncherTests' business)
        assertThat(output.out().lines().filter((line) -> line.contains("文件已损坏，无法打开")))
            .singleElement().asString().doesNotContain("END header", "zip", "Exception");
        Path notice = this.temp.resolve(ReturnNoticeWriter.noticeFileName("损坏文件.xlsx"));
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(notice))) {
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            StringBuilder text = new StringBuilder();
            workbook.getSheetAt(0).forEach((row) -> row.forEach((cell) -> text.append(formatter.formatCellValue(cell))));
            assertThat(text).contains("已损坏").doesNotContain("END header", "zip");
        }
    }

    @Test
    void aNoticeItWroteIsNotCheckedAgainAndGetsNoNoticeOfItsOwn() throws Exception {
        Path sheet = Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-11/住建局-11月整改任务分解表.xlsx"),
                this.temp.resolve("住建局-11月整改任务分解表.xlsx"));
        ConsoleOutput first = ConsoleOutput.of("check", "--feedback-date", "2026-09-15", sheet.toString());
        Path notice = this.temp.resolve(ReturnNoticeWriter.noticeFileName(sheet.getFileName().toString()));
        assertThat(first.out()).contains("退回意见已写入：" + notice);

        ConsoleOutput second = ConsoleOutput.of("check", "--feedback-date", "2026-09-15", notice.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("是本程序生成的退回意见，不是报送表，未检查，也未写退回意见");
        assertThat(this.temp.resolve(ReturnNoticeWriter.noticeFileName(notice.getFileName().toString())))
            .doesNotExist();
    }

}

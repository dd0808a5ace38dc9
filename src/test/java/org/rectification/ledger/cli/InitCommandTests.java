package org.rectification.ledger.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.check.CheckSettings;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.rectification.ledger.sheet.ReadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger init DIR}: a working office folder whose job file and roster load as they are. */
class InitCommandTests {

    @TempDir
    Path temp;

    @Test
    void createsAJobFileThatLoadsWithItsFoldersInsideTheOffice() throws Exception {
        Path office = this.temp.resolve("县委巡察整改办");

        ConsoleOutput output = ConsoleOutput.of("init", office.toString(), "--campaign", "县委第三轮巡察",
                "--feedback-date", "2026-09-15");

        assertThat(output.exitCode()).isZero();
        JobFile job = JobFileParser.parse(office.resolve("job.yml"));
        assertThat(job.campaign().name()).isEqualTo("县委第三轮巡察");
        assertThat(job.campaign().feedbackDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(job.roster()).isEqualTo(office.resolve("花名册.xlsx"));
        assertThat(job.folders().inbox()).isEqualTo(office.resolve("inbox"));
        assertThat(job.folders().archive()).isEqualTo(office.resolve("archive"));
        assertThat(job.folders().rejected()).isEqualTo(office.resolve("rejected"));
        assertThat(job.folders().out()).isEqualTo(office.resolve("out"));
        assertThat(job.folders().work()).isEqualTo(office.resolve("work"));
        assertThat(office.resolve("inbox")).isDirectory();
        assertThat(output.out()).contains("已新建：" + office.resolve("job.yml"), "已新建：" + office.resolve("花名册.xlsx"),
                "已新建：" + office.resolve("花名册.csv"), "已新建：" + office.resolve("使用说明.txt"),
                "已新建：" + office.resolve("inbox"));
    }

    @Test
    void explainsEveryKeyOfTheJobFileInChinese() throws Exception {
        Path office = this.temp.resolve("office");
        ConsoleOutput.of("init", office.toString());

        for (String line : Files.readAllLines(office.resolve("job.yml"), StandardCharsets.UTF_8)) {
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (code.isBlank() || code.trim().endsWith(":")) {
                continue;
            }
            assertThat(line).as("a key with a value carries a Chinese comment").containsPattern("#.*\\p{IsHan}");
        }
        assertThat(JobFileParser.parse(office.resolve("job.yml")).campaign().feedbackDate())
            .as("without --feedback-date: today, to be corrected").isEqualTo(LocalDate.now());
    }

    @Test
    void writesEveryDefaultTheParserWouldApply() throws Exception {
        Path office = this.temp.resolve("office");
        ConsoleOutput.of("init", office.toString(), "--campaign", "县委第三轮巡察", "--feedback-date", "2026-09-15");
        Path bare = Files.writeString(office.resolve("bare.yml"), """
                campaign: { name: 县委第三轮巡察, feedback-date: 2026-09-15 }
                roster: 花名册.xlsx
                """, StandardCharsets.UTF_8);

        JobFile written = JobFileParser.parse(office.resolve("job.yml"));
        JobFile defaults = JobFileParser.parse(bare);

        assertThat(written).as("the job file init writes states the defaults, it does not change them")
            .usingRecursiveComparison()
            .ignoringFields("file")
            .isEqualTo(defaults);
        assertThat(written.checks().requiredSigners()).isEqualTo(CheckSettings.DEFAULT_REQUIRED_SIGNERS);
        assertThat(written.intake().maxRows()).isEqualTo(ReadSettings.Limits.DEFAULT_MAX_ROWS);
        assertThat(written.intake().maxFileMb()).isEqualTo(ReadSettings.Limits.DEFAULT_MAX_FILE_MB);
        assertThat(written.intake().maxColumns()).isEqualTo(ReadSettings.Limits.DEFAULT_MAX_COLUMNS);
    }

    @Test
    void writesARosterTemplateInBothFormsThatLoads() throws Exception {
        Path office = this.temp.resolve("office");
        ConsoleOutput.of("init", office.toString());

        Roster fromWorkbook = RosterLoader.load(office.resolve("花名册.xlsx"));
        Roster fromCsv = RosterLoader.load(office.resolve("花名册.csv"));

        assertThat(fromWorkbook.names()).containsExactly("县示例局");
        assertThat(fromCsv.names()).containsExactly("县示例局");
        byte[] csv = Files.readAllBytes(office.resolve("花名册.csv"));
        assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).as("UTF-8 with BOM, as Excel saves it")
            .isEqualTo("\u00ef\u00bb\u00bf");
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("单位名称,别名,是否报送,联系人,联系邮箱\r\n");
        assertThat(Files.readString(office.resolve("使用说明.txt"), StandardCharsets.UTF_8))
            .contains("inbox/", "out/整改总台账.xlsx", "rejected/", "run --job job.yml");
    }

    @Test
    void neverOverwritesAnExistingFileAndSaysWhichItKept() throws Exception {
        Path office = this.temp.resolve("office");
        ConsoleOutput.of("init", office.toString(), "--campaign", "第一次");
        Files.writeString(office.resolve("花名册.csv"), "单位名称\r\n县民政局\r\n", StandardCharsets.UTF_8);
        byte[] job = Files.readAllBytes(office.resolve("job.yml"));

        ConsoleOutput again = ConsoleOutput.of("init", office.toString(), "--campaign", "第二次");

        assertThat(again.exitCode()).isZero();
        assertThat(Files.readAllBytes(office.resolve("job.yml"))).isEqualTo(job);
        assertThat(Files.readString(office.resolve("花名册.csv"), StandardCharsets.UTF_8)).contains("县民政局");
        assertThat(again.out()).contains("已存在，保留原文件：" + office.resolve("job.yml"),
                "已存在，保留原文件：" + office.resolve("花名册.csv"), "已存在，保留原文件：" + office.resolve("花名册.xlsx"),
                "已存在，保留原文件：" + office.resolve("使用说明.txt")).doesNotContain("已新建");
    }

    @Test
    void refusesAFileWhereTheFolderShouldBe() throws Exception {
        Path file = Files.writeString(this.temp.resolve("office"), "x");

        ConsoleOutput output = ConsoleOutput.of("init", file.toString());

        assertThat(output.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(output.err()).contains("不是文件夹：" + file);
    }

}

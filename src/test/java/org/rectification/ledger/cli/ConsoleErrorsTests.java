package org.rectification.ledger.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/** What a clerk reads when something goes wrong: one Chinese line; the technical detail is in the log file. */
class ConsoleErrorsTests {

    @TempDir
    Path temp;

    @Test
    @Tag("process") // waits for the connection pool to give up
    void anUnreachableDatabaseIsOneChineseLineNamingTheLog() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        String job = Files.readString(workspace.jobFile, StandardCharsets.UTF_8);
        Files.writeString(workspace.jobFile, job.replace("database: { url: ~ }",
                "database: { url: \"jdbc:postgresql://127.0.0.1:1/nowhere\" }"), StandardCharsets.UTF_8);

        ConsoleOutput output = ConsoleOutput.of(workspace.runArguments(java.time.YearMonth.of(2026, 11)));

        assertThat(output.exitCode()).isEqualTo(LedgerCommand.FAILED);
        // one line naming the server and the cause in words (the fault line of RunFault)
        assertThat(output.err().strip()).startsWith("错误：无法连接数据库 127.0.0.1:1（").doesNotContain("\n")
            .doesNotContain("Exception", "at org.", "Connection refused");
        // the log file (the job's work/logs, or the first job's when this JVM has run others) holds the detail
        assertThat(Files.readString(LedgerCommand.logFile(), StandardCharsets.UTF_8)).contains("Exception", "127.0.0.1:1");
    }

    @Test
    void aBadValueAndAnUnknownCommandAreSaidInChinese() {
        ConsoleOutput month = ConsoleOutput.of("run", "--job", "job.yml", "--month", "2026-13");
        ConsoleOutput unknown = ConsoleOutput.of("frobnicate");

        assertThat(month.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(month.err()).contains("错误：选项 --month 的值“2026-13”无效", "用法：ledger run")
            .doesNotContain("Invalid value", "DateTimeParseException");
        assertThat(unknown.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(unknown.err()).contains("错误：无法识别的选项或参数：frobnicate").doesNotContain("Unmatched");
    }

    @Test
    void aMissingCommandAndARepeatedOptionAreSaidInChinese() {
        ConsoleOutput nothing = ConsoleOutput.of();
        ConsoleOutput user = ConsoleOutput.of("user");
        ConsoleOutput twice = ConsoleOutput.of("run", "--job", "a.yml", "--job", "b.yml");

        for (ConsoleOutput output : java.util.List.of(nothing, user, twice)) {
            assertThat(output.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
            assertThat(output.err().lines().findFirst().orElse("")).startsWith("错误：")
                .doesNotContain("Missing", "required", "subcommand", "should be specified");
        }
        assertThat(nothing.err()).contains("错误：缺少命令", "用法：ledger");
        assertThat(user.err()).contains("错误：缺少命令", "用法：ledger user");
        assertThat(twice.err()).contains("错误：选项 --job 只能写一次", "用法：ledger run");
    }


    @Test
    void theHelpListsEveryCommandAndACommandsOwnHelpIsInChinese() {
        CommandOutput all = CommandOutput.of("--help");
        CommandOutput helpCheck = CommandOutput.of("help", "check");
        CommandOutput checkHelp = CommandOutput.of("check", "--help");

        assertThat(all.exitCode()).isZero();
        assertThat(all.text()).contains("命令：", "init", "run", "check", "demo", "serve", "status", "mail",
                "templates", "report", "user", "bench");
        for (CommandOutput check : java.util.List.of(helpCheck, checkHelp)) {
            assertThat(check.exitCode()).isZero();
            assertThat(check.text()).contains("用法：ledger check", "只检查报送表，不改动台账", "--job", "--month");
        }
    }

}

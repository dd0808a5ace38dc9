package org.rectification.ledger.cli;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} after the sample county's two months: the runs, the files waiting in the inbox, who has not
 * submitted this month and the mail that could not be sent.
 */
class StatusCommandTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path temp;

    @Test
    void showsRunsBacklogMissingSubmissionsAndPendingDeliveries() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp).withJobLines("""
                delivery:
                  mail: { host: 127.0.0.1, port: %d, tls: false, from: zgb@example.gov.cn, to: [jw@example.gov.cn] }
                """.formatted(closedPort()));
        workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        workspace.drop(NOVEMBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        workspace.dropCopies(3);

        CommandOutput status = CommandOutput.of("status", "--job", workspace.jobFile.toString(), "--month",
                NOVEMBER.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.text()).containsSubsequence("最近运行：", "#2  月份 2026-11  已完成  开始 2026-",
                "#1  月份 2026-10  已完成  开始 2026-")
            .contains("收件箱 " + workspace.inbox() + "：待处理 3 个，正在写入 0 个")
            .contains("2026-11 应报送单位 10 个：已采纳 8，已退回待重报 1，未报送 1")
            .contains("  县农业农村局：未报送（未收到报送文件）")
            .contains("  县审计局：已退回待重报（《审计局-11月整改任务分解表.xls》被退回：“审核人”处未签名或签章）")
            .contains("待发送邮件 4 份：")
            .contains("  2026-10  月度整改进展-2026-10.xlsx  发送失败（已尝试 1 次）")
            .contains("  2026-11  整改总台账.xlsx  发送失败（已尝试 1 次）");
    }

    @Test
    void saysSoWhenNothingHasRunYet() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);

        CommandOutput status = CommandOutput.of("status", "--job", workspace.jobFile.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.text()).contains("（尚无运行记录）").contains("待处理 0 个").contains("待发送邮件 0 份");
    }

    @Test
    void listsTheEntriesTheNextRunWillSetAsideWithTheirReasons() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        Files.createDirectories(workspace.inbox());
        Files.createSymbolicLink(workspace.inbox().resolve("失效链接.xlsx"), workspace.inbox().resolve("已删除.xlsx"));
        assertThat(new ProcessBuilder("mkfifo", workspace.inbox().resolve("管道.xlsx").toString()).start().waitFor())
            .isZero();

        CommandOutput status = CommandOutput.of("status", "--job", workspace.jobFile.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.text()).contains("待处理 2 个")
            .contains("其中 2 个不能读取，下次运行将退回（放入 rejected/）：")
            .contains("    “失效链接.xlsx”是快捷方式（符号链接），它指向的文件不存在，无法读取")
            .contains("    “管道.xlsx”不是普通文件，而是命名管道（FIFO），不能作为报送文件读取");
    }

    /** A loopback port nobody listens on: the mail server is down. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

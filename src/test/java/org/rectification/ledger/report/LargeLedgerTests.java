package org.rectification.ledger.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 tasks written in a JVM limited to 256 MB: the reports stream from the database to the workbooks.
 */
@Tag("process")
class LargeLedgerTests {

    static final int TASKS = 200_000;

    static final int MEASURES_PER_PROBLEM = 4;

    static List<String> departments() {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> "单位" + i).toList();
    }

    @Test
    void writesTwoHundredThousandTasksInASmallHeap(@TempDir Path dir) throws Exception {
        // the database lives in this JVM behind H2's TCP server, as PostgreSQL would live in its own process:
        // the child's small heap holds only what the reports need
        String name = "mem:large" + System.nanoTime();
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifNotExists").start();
        try {
            String local = "jdbc:h2:" + name + ";DB_CLOSE_DELAY=-1";
            LedgerFixture fixture = new LedgerFixture(LedgerFixture.dataSource(local));
            insert(fixture.jdbc);
            String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/" + name;
            runChild(dir, url);
        }
        finally {
            server.stop();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void runChild(Path dir, String url) throws Exception {

        Path out = Files.createDirectories(dir.resolve("out"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LargeLedgerMain.class.getName(), url,
                out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(process.exitValue()).as(tail(log)).isZero();
        assertThat(log).contains("tasks=" + TASKS);

        // title + header + one row per task, counted without loading the sheet
        assertThat(countRows(out.resolve("整改总台账.xlsx"), "xl/worksheets/sheet1.xml")).isEqualTo(TASKS + 2);
        assertThat(countRows(out.resolve("整改总台账.xlsx"), "xl/worksheets/sheet2.xml")).isEqualTo(TASKS + 2);
        assertThat(countOccurrences(out.resolve("整改总台账.xlsx"), "xl/worksheets/sheet1.xml", "<mergeCell "))
                .isEqualTo(1 + 2L * TASKS / MEASURES_PER_PROBLEM);
        assertThat(countRows(out.resolve("月度整改进展-2026-11.xlsx"), "xl/worksheets/sheet9.xml"))
                .isEqualTo(TASKS + 2);
    }

    private static void insert(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into submission (id, sha256, file_name, inbox_path, file_size, file_modified, report_month,
                    department, outcome, received_at)
                values (1, 'x', 'big.xlsx', '/inbox/big.xlsx', 1, timestamp '2026-11-05 09:00:00', '2026-11', '单位1',
                    'ACCEPTED', timestamp '2026-11-05 09:00:00')
                """);
        // generated inside the database: one statement per table instead of 200,000 round trips
        jdbc.update("""
                insert into task (id, task_key, department, task_code, category, problem, measure, leader, owner,
                    deadline, deadline_kind, status, progress, first_month, last_month, submission_id, source_sheet,
                    source_row)
                select x, 'k' || x, '单位' || (((x - 1) * %d / %d) + 1), 'T-' || x, '制度建设',
                    '问题' || ((x - 1) / %d) || '：制度执行不到位，台账管理不规范',
                    '措施' || x || '：建立健全工作机制，按月对账销号', '领导' || mod(x, 50), '责任人' || mod(x, 300),
                    dateadd('DAY', mod(x, 400), date '2026-06-01'), 'DATE',
                    case mod(x, 4) when 0 then 'COMPLETED' when 1 then 'IN_PROGRESS' when 2 then 'NOT_STARTED'
                        else 'ONGOING' end,
                    '进展情况' || x, '2026-11', '2026-11', 1, 'Sheet1', mod(x, 1000)
                from system_range(1, %d)
                """.formatted(departments().size(), TASKS, MEASURES_PER_PROBLEM, TASKS));
        jdbc.update("""
                insert into task_month (task_id, report_month, submission_id, department, task_code, category, problem,
                    measure, leader, owner, deadline, deadline_kind, status, progress, source_sheet, source_row)
                select id, '2026-11', 1, department, task_code, category, problem, measure, leader, owner, deadline,
                    deadline_kind, status, progress, source_sheet, source_row
                from task
                """);
    }

    static long countRows(Path workbook, String part) throws IOException {
        return countOccurrences(workbook, part, "<row ");
    }

    /** Counts a marker in one package part, reading it as a stream. */
    static long countOccurrences(Path workbook, String part, String marker) throws IOException {
        byte[] pattern = marker.getBytes(StandardCharsets.US_ASCII);
        long count = 0;
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            assertThat(entry).as(part).isNotNull();
            try (InputStream in = new java.io.BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
                int matched = 0;
                int b;
                while ((b = in.read()) != -1) {
                    matched = (b == pattern[matched]) ? matched + 1 : ((b == pattern[0]) ? 1 : 0);
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
        }
        return count;
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 3000));
    }

}

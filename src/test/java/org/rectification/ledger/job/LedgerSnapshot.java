package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a run leaves behind that must not depend on how the run went (interrupted or not): the
 * ledger's rows without generated ids, the folder listing, summary.json, and the sheets of every return notice
 * (the findings list and the department's own marked sheets).
 */
record LedgerSnapshot(List<String> tasks, List<String> history, List<String> submissions, List<String> findings,
        List<String> files, String summary, List<String> noticeSheets) {

    static LedgerSnapshot of(LedgerWorkspace workspace) throws IOException {
        JdbcTemplate jdbc = workspace.query(); // closed after each statement: the test JVM keeps no database open
        List<String> tasks = jdbc.queryForList("select concat_ws('|', department, task_code, problem, measure, leader, "
                + "owner, cast(deadline as varchar(10)), deadline_kind, status, first_month, last_month, "
                + "completed_month) as t from task order by t", String.class);
        List<String> history = jdbc.queryForList("select concat_ws('|', t.department, t.measure, tm.report_month, "
                + "tm.status, tm.progress, s.file_name) as h from task_month tm join task t on t.id = tm.task_id "
                + "join submission s on s.id = tm.submission_id order by h", String.class);
        List<String> submissions = jdbc.queryForList("select concat_ws('|', file_name, report_month, department, "
                + "outcome, reasons, rows_merged, case when moved_to is null then 'inbox' else 'moved' end) as s "
                + "from submission order by s", String.class);
        List<String> findings = jdbc.queryForList("select concat_ws('|', file_name, sheet, row_no, column_name, rule, "
                + "severity, value_seen) as f from finding order by f", String.class);
        List<String> files;
        try (Stream<Path> walk = Files.walk(workspace.root)) {
            files = walk.filter(Files::isRegularFile)
                .map((p) -> workspace.root.relativize(p).toString().replace('\\', '/'))
                .filter((p) -> !p.startsWith("work/") && !p.equals("job.yml") && !p.equals("roster.csv"))
                .sorted()
                .toList();
        }
        Path summaryFile = workspace.out().resolve("summary.json");
        String summary = Files.exists(summaryFile) ? Files.readString(summaryFile, StandardCharsets.UTF_8) : "";
        List<String> noticeSheets = new ArrayList<>();
        for (String file : files) {
            if (file.endsWith(".xlsx") && file.contains("退回意见")) {
                try (XSSFWorkbook notice = new XSSFWorkbook(Files.newInputStream(workspace.root.resolve(file)))) {
                    List<String> sheets = new ArrayList<>();
                    notice.forEach((sheet) -> sheets.add(sheet.getSheetName() + "(" + sheet.getLastRowNum() + ")"));
                    noticeSheets.add(file + "|" + String.join(",", sheets));
                }
            }
        }
        return new LedgerSnapshot(tasks, history, submissions, findings, files, withoutArrival(summary), noticeSheets);
    }

    /**
     * summary.json less when each file arrived: the test copies the month into each workspace's inbox at its own
     * moment, and arrival is the copy's inode change time, which no test can set. The progress workbook shows
     * the arrival of returned departments' files (最近接收时间), so its hash is left out with it.
     */
    static String withoutArrival(String summary) {
        return summary.replaceAll("\"receivedAt\" : \"[^\"]*\"", "\"receivedAt\" : \"(arrival)\"")
            .replaceAll("(\"progress\" : \\{\\s*\"file\" : \"[^\"]*\",\\s*\"sha256\" : \")[0-9a-f]{64}",
                    "$1(depends on arrival)");
    }

}

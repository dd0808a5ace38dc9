package org.rectification.ledger.report;

import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

import org.rectification.ledger.roster.Roster;

/**
 * Run in a separate JVM with a small heap by {@link LargeLedgerTests}: writes the reports of a large ledger kept
 * in an H2 file database. Arguments: the JDBC URL and the output folder.
 */
final class LargeLedgerMain {

    private LargeLedgerMain() {
    }

    public static void main(String[] args) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(LedgerFixture.dataSource(args[0]));
        Roster roster = new Roster(LargeLedgerTests.departments().stream()
                .map(name -> new Roster.Department(name, java.util.List.of())).toList());
        ReportFiles files = new MonthlyReports(jdbc).write(new ReportRequest("大台账", roster,
                java.time.YearMonth.of(2026, 11), java.time.LocalDate.of(2026, 12, 5), Path.of(args[1]), 10, 20, 10));
        System.out.println("tasks=" + files.totals().tasks() + " heap="
                + Runtime.getRuntime().totalMemory() / (1024 * 1024) + "MB");
    }

}

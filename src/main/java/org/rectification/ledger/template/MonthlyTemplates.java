package org.rectification.ledger.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.rectification.ledger.intake.FileNames;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.ledger.OpenTask;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Writes the month's pre-filled sheets: one per department the roster expects to submit, with its tasks still open
 * before the month as the ledger has them. {@link #write} writes one department's sheet to a given path, for a
 * caller that attaches it to a mail.
 */
public final class MonthlyTemplates {

    /** One sheet written: where, for whom, and how many open tasks it carries. */
    public record Written(String department, Path file, int tasks) {
    }

    private final JobFile job;

    private final Roster roster;

    private final JdbcLedgerDao ledger;

    public MonthlyTemplates(JobFile job, Roster roster, JdbcLedgerDao ledger) {
        this.job = job;
        this.roster = roster;
        this.ledger = ledger;
    }

    /** The format the job file asks for (templates.format), .xlsx unless it says xls. */
    public TemplateFormat defaultFormat() {
        return TemplateFormat.of(this.job.templates().format());
    }

    /** The folder the sheets of a month go to when none is given: out/填报模板-YYYY-MM/. */
    public Path defaultFolder(YearMonth month) {
        return this.job.folders().out().resolve(Messages.get("template.folder", month.toString()));
    }

    /** The file name a department's sheet for the month is saved under; it names the department, as the inbox wants. */
    public static String fileName(String department, YearMonth month, TemplateFormat format) {
        return Messages.get("template.file", department, String.valueOf(month.getYear()),
                String.valueOf(month.getMonthValue()), format.extension());
    }

    /** Writes every expected department's sheet for the month into a folder, in roster order. */
    public List<Written> writeAll(YearMonth month, TemplateFormat format, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Written> written = new ArrayList<>();
        for (Roster.Department department : this.roster.expected()) {
            Path file = folder.resolve(fileName(department.name(), month, format));
            written.add(new Written(department.name(), file, write(department.name(), month, format, file)));
        }
        return written;
    }

    /**
     * Writes one department's sheet for the month to target (through a temporary file, so a half-written sheet is
     * never left there). Returns the number of open tasks it carries.
     */
    public int write(String department, YearMonth month, TemplateFormat format, Path target) throws IOException {
        List<OpenTask> tasks = this.ledger.openTasks(department, month);
        TemplateSheet sheet = new TemplateSheet(department, month, this.job.campaign().name(),
                this.job.campaign().feedbackDate(), this.job.checks().requiredSigners(), tasks);
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = FileNames.createTemporary(target, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                new TemplateWorkbookWriter().write(sheet, format, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temp);
        }
        return tasks.size();
    }

}

package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rectification.ledger.office.JobSettings;
import org.rectification.ledger.check.CheckSettings;
import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.FindingsTable;
import org.rectification.ledger.check.NoticeTerms;
import org.rectification.ledger.check.ReturnNotice;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.SheetCheck;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.check.SubmissionChecker;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.SubmissionReader;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger check}: checks sheets without touching the ledger, prints every finding and writes the
 * return notice next to each file. A department can run it before submitting.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
class CheckCommand implements Callable<Integer> {

    /** Exit code when at least one sheet has an error (it would be rejected or rows would not merge). */
    static final int HAS_ERRORS = 4;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "cli.check.files")
    List<Path> files;

    @Option(names = "--job", paramLabel = "FILE", descriptionKey = "cli.check.job")
    Path job;

    @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "cli.option.month")
    YearMonth month;

    @Option(names = "--feedback-date", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.check.feedback-date")
    LocalDate feedbackDate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        // A file that is not there is a mistake on the command line, not a damaged submission.
        List<Path> missing = this.files.stream().filter((file) -> !Files.exists(file)).toList();
        if (!missing.isEmpty()) {
            missing.forEach((file) -> this.spec.commandLine().getErr()
                .println(Messages.get("cli.error", Messages.get("cli.check.missing", file.toAbsolutePath().normalize()))));
            return LedgerCommand.BAD_CONFIGURATION;
        }
        YearMonth reportingMonth = (this.month != null) ? this.month : YearMonth.now();
        SheetCheck sheetCheck;
        NoticeTerms terms;
        if (this.job != null) {
            JobFile jobFile = JobFileParser.parse(this.job);
            terms = new NoticeTerms(jobFile.campaign().name(), reportingMonth, LocalDate.now(),
                    jobFile.reports().resubmitWorkingDays());
            sheetCheck = JobSettings.sheetCheck(jobFile, RosterLoader.load(jobFile.roster()), reportingMonth);
        }
        else {
            LocalDate feedback = (this.feedbackDate != null) ? this.feedbackDate : LocalDate.of(1900, 1, 1);
            terms = new NoticeTerms(null, reportingMonth, LocalDate.now(), NoticeTerms.DEFAULT_WORKING_DAYS);
            SubmissionReader reader = new SubmissionReader(new ReadSettings(Map.of(), ReadSettings.DEFAULT_PLACEHOLDERS,
                    ReadSettings.DEFAULT_SIGNER_LABELS, feedback, ReadSettings.DEFAULT_IMMEDIATE_DAYS, reportingMonth, ReadSettings.Limits.defaults()));
            CheckSettings defaults = CheckSettings.defaults(feedback);
            // Without a roster nobody can say which departments exist: those rules stay silent.
            EnumSet<RuleCode> disabled = EnumSet.of(RuleCode.UNKNOWN_DEPARTMENT, RuleCode.DEPARTMENT_CONFLICT);
            disabled.addAll(defaults.disabled());
            Map<RuleCode, Severity> severities = new EnumMap<>(RuleCode.class);
            severities.putAll(defaults.severities());
            sheetCheck = new SheetCheck(reader, new SubmissionChecker(new CheckSettings(severities, disabled,
                    defaults.requiredSigners(), defaults.feedbackDate()), new Roster(List.of())));
        }
        boolean errors = false;
        ReturnNoticeWriter notices = new ReturnNoticeWriter(terms);
        for (Path file : this.files) {
            String fileName = file.getFileName().toString();
            CheckedSubmission checked = sheetCheck.check(file, fileName);
            if (checked.setAside()) {
                // a notice or workbook this product wrote: no table of findings, and never a notice of a notice
                out.println(Messages.get("cli.check.own-output", checked.findings().get(0).value()));
                continue;
            }
            out.println(FindingsTable.render(checked));
            if (checked.hasFindings() && Files.isRegularFile(file)) {
                Path notice = file.resolveSibling(ReturnNoticeWriter.noticeFileName(fileName));
                notices.write(file, ReturnNotice.of(checked), notice);
                out.println(Messages.get("cli.check.notice", notice.toString()));
            }
            errors |= checked.rejected() || checked.findings().stream().anyMatch((f) -> f.isError());
        }
        out.flush();
        return errors ? HAS_ERRORS : LedgerCommand.OK;
    }


}

package org.rectification.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.rectification.ledger.job.RunParameters;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger demo}: runs the sample county for its months in order, on a fresh scratch folder and a
 * fresh embedded database, leaving the workbooks and summary.json in the job's out folder. The sample
 * sheets themselves are only copied, never changed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "FILE", descriptionKey = "cli.demo.job")
    Path job;

    @Option(names = "--sheets", paramLabel = "DIR", descriptionKey = "cli.demo.sheets")
    Path sheets;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        Path sampleJob = (this.job != null) ? this.job : Launcher.home().resolve("jobs/sample-county.yml");
        Path sampleSheets = (this.sheets != null) ? this.sheets : Launcher.home().resolve("sample-sheets");
        JobFile jobFile = JobFileParser.parse(sampleJob);
        Roster roster = RosterLoader.load(jobFile.roster());
        JobFile.Folders folders = jobFile.folders();
        for (Path scratch : List.of(folders.inbox(), folders.archive(), folders.rejected(), folders.work(), folders.out())) {
            deleteTree(scratch);
        }
        List<Path> months;
        try (Stream<Path> list = Files.list(sampleSheets)) {
            months = list.filter(Files::isDirectory)
                .filter((p) -> p.getFileName().toString().matches("\\d{4}-\\d{2}"))
                .sorted()
                .toList();
        }
        for (Path monthFolder : months) {
            YearMonth month = YearMonth.parse(monthFolder.getFileName().toString());
            out.println(Messages.get("cli.demo.month", month.toString()));
            Map<Path, Instant> arrivals = dropInto(monthFolder, folders.inbox(), month);
            int code = RunCommand.runOnce(jobFile, roster, new RunParameters(month, month.atEndOfMonth(),
                    folders.inbox(), 1), arrivals, out, this.spec.commandLine().getErr());
            if (code != LedgerCommand.OK) {
                return code;
            }
        }
        out.println(Messages.get("cli.demo.done", folders.out().toString()));
        return LedgerCommand.OK;
    }

    /**
     * Copies a month's sample files into the inbox as the departments would have dropped them: in name
     * order, early in the month (before the due day), so arrival order and timeliness are stable. The copies
     * appear now, of course; the demo plays the folder watcher and returns when each "arrived".
     */
    private static Map<Path, Instant> dropInto(Path monthFolder, Path inbox, YearMonth month) throws IOException {
        Files.createDirectories(inbox);
        List<Path> files;
        try (Stream<Path> list = Files.list(monthFolder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        LocalDateTime arrival = month.atDay(5).atTime(9, 0);
        Map<Path, Instant> arrivals = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".md")) {
                continue;
            }
            Path target = inbox.resolve(name);
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            Instant at = arrival.atZone(ZoneId.systemDefault()).toInstant();
            Files.setLastModifiedTime(target, FileTime.from(at));
            arrivals.put(target, at);
            arrival = arrival.plusMinutes(7);
        }
        return arrivals;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

}

package org.rectification.ledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SubmissionReader;

/**
 * Reading ahead must change nothing but the time: every submission gets exactly what reading it in turn gives,
 * failures included, and a large file is never read ahead.
 */
class SubmissionReadAheadTests {

    private static final Path NOVEMBER = Path.of("sample-sheets", "2026-11");

    private final SubmissionReader reader = new SubmissionReader(new ReadSettings(Map.of(),
            ReadSettings.DEFAULT_PLACEHOLDERS, ReadSettings.DEFAULT_SIGNER_LABELS, LocalDate.of(2026, 9, 1), 30,
            YearMonth.of(2026, 11), ReadSettings.Limits.defaults()));

    @TempDir
    Path temp;

    @Test
    void everySampleSubmissionReadAheadEqualsReadingItInTurn() throws IOException {
        List<Submission> submissions = submissionsOf(NOVEMBER);
        assertThat(submissions).hasSizeGreaterThan(10);
        Map<Path, String> readOn = new ConcurrentHashMap<>();
        Function<Path, ReadSubmission> recording = (file) -> {
            readOn.put(file, Thread.currentThread().getName());
            return this.reader.read(file);
        };
        try (SubmissionReadAhead ahead = new SubmissionReadAhead(recording, 2)) {
            ahead.pending(submissions);
            for (Submission submission : submissions) {
                assertThat(outcome(() -> ahead.read(submission)))
                    .as(submission.fileName())
                    .isEqualTo(outcome(() -> this.reader.read(submission.inboxPath())));
            }
        }
        assertThat(readOn).hasSize(submissions.size());
        assertThat(readOn.values()).as("every file was read on a read-ahead thread")
            .filteredOn("sheet-read-ahead"::equals)
            .hasSize(submissions.size());
    }

    @Test
    void anUnreadableFileFailsWithTheReadersOwnReason() throws IOException {
        Path broken = Files.writeString(this.temp.resolve("整改情况说明.xlsx"), "这不是表格");
        Submission submission = submission(1, broken);
        try (SubmissionReadAhead ahead = new SubmissionReadAhead(this.reader::read, 1)) {
            ahead.pending(List.of(submission(0, NOVEMBER.resolve("民政局-11月整改任务分解表.xlsx")), submission));
            ahead.read(submission(0, NOVEMBER.resolve("民政局-11月整改任务分解表.xlsx")));
            assertThatThrownBy(() -> ahead.read(submission)).isInstanceOf(SheetReadException.class)
                .extracting((ex) -> ((SheetReadException) ex).failure())
                .isEqualTo(ReadFailure.NOT_A_SPREADSHEET);
        }
    }

    @Test
    void aLargeFileIsReadInTurnOnTheStepsOwnThread() throws IOException {
        Path small = NOVEMBER.resolve("民政局-11月整改任务分解表.xlsx");
        Path large = this.temp.resolve("大表.xlsx");
        Files.copy(small, large);
        // past the read-ahead size, whatever its content
        Files.write(large, new byte[(int) SubmissionReadAhead.MAX_AHEAD_BYTES + 1],
                java.nio.file.StandardOpenOption.APPEND);
        Map<Path, String> readOn = new ConcurrentHashMap<>();
        Function<Path, ReadSubmission> recording = (file) -> {
            readOn.put(file, Thread.currentThread().getName());
            return null;
        };
        List<Submission> submissions = List.of(submission(0, small), submission(1, large),
                submission(2, small.resolveSibling("卫健局-11月整改任务分解表.xlsx")));
        try (SubmissionReadAhead ahead = new SubmissionReadAhead(recording, 1)) {
            ahead.pending(submissions);
            submissions.forEach(ahead::read);
        }
        assertThat(readOn.get(large)).isEqualTo(Thread.currentThread().getName());
        assertThat(readOn.get(submissions.get(2).inboxPath())).isEqualTo("sheet-read-ahead");
    }

    @Test
    void withoutThreadsEveryFileIsReadInTurn() throws IOException {
        List<Submission> submissions = submissionsOf(NOVEMBER).subList(0, 3);
        List<String> threads = new ArrayList<>();
        try (SubmissionReadAhead ahead = new SubmissionReadAhead((file) -> {
            threads.add(Thread.currentThread().getName());
            return null;
        }, 0)) {
            ahead.pending(submissions);
            submissions.forEach(ahead::read);
        }
        assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(3);
    }

    /** A read workbook, or the failure and its reason: what the checker would receive. */
    private static Object outcome(java.util.function.Supplier<ReadSubmission> read) {
        try {
            return read.get();
        }
        catch (SheetReadException ex) {
            return ex.failure() + ": " + ex.getMessage();
        }
    }

    private static List<Submission> submissionsOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            List<Submission> submissions = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                submissions.add(submission(i, sorted.get(i)));
            }
            return submissions;
        }
    }

    private static Submission submission(long id, Path file) {
        return new Submission(id, "sha-" + id, file.getFileName().toString(), file, YearMonth.of(2026, 11), null, null, null);
    }

}

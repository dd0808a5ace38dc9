package org.rectification.ledger.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SubmissionReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectification.ledger.check.TestSubmissions.FEEDBACK;
import static org.rectification.ledger.check.TestSubmissions.ROSTER;

/**
 * The one read-and-check path of {@code ledger check}, the upload page and the nightly run: whatever the read
 * throws, the file comes out as a rejected submission with its reason, never as an exception.
 */
class SheetCheckTests {

    private static final String FILE_NAME = "民政局-10月.xlsx";

    @TempDir
    Path folder;

    private final List<String> reported = new ArrayList<>();

    private final SheetCheck sheetCheck = new SheetCheck(new SubmissionReader(new ReadSettings(Map.of(),
            ReadSettings.DEFAULT_PLACEHOLDERS, ReadSettings.DEFAULT_SIGNER_LABELS, FEEDBACK, 30, YearMonth.of(2026, 10),
            ReadSettings.Limits.defaults())),
            new SubmissionChecker(CheckSettings.defaults(FEEDBACK), ROSTER)).reportingReaderFailures(this.reported::add);

    private CheckedSubmission check(Supplier<ReadSubmission> read) {
        return this.sheetCheck.check(this.folder.resolve(FILE_NAME), FILE_NAME, read, (department) -> Map.of());
    }

    @Test
    void rejectsAFileTheReaderCannotReadWithTheReadersReason() throws IOException {
        Path file = Files.writeString(this.folder.resolve(FILE_NAME), "not a workbook", StandardCharsets.UTF_8);

        CheckedSubmission checked = this.sheetCheck.check(file, FILE_NAME);

        assertThat(checked.rejected()).isTrue();
        assertThat(checked.department()).isEqualTo("县民政局");
        assertThat(checked.findings()).singleElement()
            .satisfies((finding) -> assertThat(finding.rule()).isEqualTo(RuleCode.NOT_A_SPREADSHEET));
        assertThat(this.reported).as("an anticipated failure is no reader bug").isEmpty();
    }

    @Nested
    class FailuresNoReaderAnticipated {

        @Test
        void makeABugInTheReaderAnUnreadableFileAndReportIt() {
            CheckedSubmission checked = check(() -> {
                throw new IllegalStateException("reader bug");
            });

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.findings()).singleElement()
                .satisfies((finding) -> assertThat(finding.rule()).isEqualTo(RuleCode.UNREADABLE));
            assertThat(SheetCheckTests.this.reported).containsExactly(FILE_NAME);
        }

        @Test
        void makeAStackOverflowAnUnreadableFile() {
            CheckedSubmission checked = check(() -> {
                throw new StackOverflowError();
            });

            assertThat(checked.findings()).singleElement()
                .satisfies((finding) -> assertThat(finding.rule()).isEqualTo(RuleCode.UNREADABLE));
        }

        @Test
        void makeAnExhaustedHeapATooLargeFile() {
            CheckedSubmission checked = check(() -> {
                throw new OutOfMemoryError("Java heap space");
            });

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.TOO_LARGE);
                assertThat(finding.message()).contains(FILE_NAME);
            });
            assertThat(SheetCheckTests.this.reported).isEmpty();
        }

    }

}

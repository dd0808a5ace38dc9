package org.rectification.ledger.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ReportFileTests {

    @TempDir
    Path dir;

    @Test
    void leavesThePreviousFileAndNoTemporaryWhenWritingFails() throws IOException {
        Path target = this.dir.resolve("整改总台账.xlsx");
        Files.writeString(target, "last month's complete file");
        assertThatIOException().isThrownBy(() -> ReportFile.writeAtomically(target, out -> {
            out.write("half a wor".getBytes());
            throw new IOException("disk full");
        }));
        assertThat(target).hasContent("last month's complete file");
        try (Stream<Path> files = Files.list(this.dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacesTheTargetInOneStep() throws IOException {
        Path target = this.dir.resolve("summary.json");
        Files.writeString(target, "old");
        ReportFile.writeAtomically(target, out -> out.write("new".getBytes()));
        assertThat(target).hasContent("new");
        assertThat(Files.getPosixFilePermissions(target).toString()).contains("OTHERS_READ");
    }

}

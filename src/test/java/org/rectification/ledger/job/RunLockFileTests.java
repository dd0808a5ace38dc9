package org.rectification.ledger.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RunLockFileTests {

    @TempDir
    Path work;

    @Test
    void aSecondRunIsRefusedAndToldWhoHoldsTheLock() throws Exception {
        try (RunLockFile first = RunLockFile.tryTake(this.work, new String[2]).orElseThrow()) {
            String[] holder = new String[2];

            assertThat(RunLockFile.tryTake(this.work, holder)).isEmpty();
            assertThat(holder[0]).isEqualTo(RunLock.processName());
            assertThat(holder[1]).isNotNull();
        }
        assertThat(RunLockFile.tryTake(this.work, new String[2])).isPresent().get().satisfies(RunLockFile::close);
    }

    @Test
    void aRunAskingWhileTheHolderIsStillWritingItsNameWaitsForTheName() throws Exception {
        try (RunLockFile first = RunLockFile.tryTake(this.work, new String[2]).orElseThrow()) {
            Path file = this.work.resolve("run.lock");
            String written = Files.readString(file, StandardCharsets.UTF_8);
            // the holder has the lock but has not written its name yet
            Files.writeString(file, "");
            CompletableFuture<Void> writesLater = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    Files.writeString(file, written, StandardCharsets.UTF_8);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            String[] holder = new String[2];

            Optional<RunLockFile> second = RunLockFile.tryTake(this.work, holder);

            writesLater.get(10, TimeUnit.SECONDS);
            assertThat(second).isEmpty();
            assertThat(holder[0]).isEqualTo(RunLock.processName());
            assertThat(holder[1]).isNotNull();
        }
    }

}

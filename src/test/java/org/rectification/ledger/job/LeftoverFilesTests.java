package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A killed run's temporary files go at the next run's start; finished files and anything else stay. */
class LeftoverFilesTests {

    @TempDir
    Path root;

    @Test
    void removesTemporaryWorkbooksAndNoticesAndKeepsFinishedOnes() throws Exception {
        Path out = Files.createDirectories(this.root.resolve("out"));
        Path notices = Files.createDirectories(out.resolve("退回意见/2026-11/县民政局"));
        Path rejected = Files.createDirectories(this.root.resolve("rejected"));
        List<Path> leftovers = List.of(out.resolve(".整改总台账.xlsx4711.tmp"), out.resolve(".整改总台账.xlsx4712.raw"),
                out.resolve(".merges-4713.xml"), notices.resolve(".民政局-11月-退回意见.xlsx-4714.tmp"),
                rejected.resolve(".损坏文件-退回意见.xlsx-4715.tmp"));
        List<Path> kept = List.of(out.resolve("整改总台账.xlsx"), out.resolve("summary.json"),
                notices.resolve("民政局-11月-退回意见.xlsx"), rejected.resolve("损坏文件.xlsx"),
                rejected.resolve(".gitkeep"), out.resolve("说明.tmp"));
        for (Path file : Stream.concat(leftovers.stream(), kept.stream()).toList()) {
            Files.writeString(file, "x");
        }

        int removed = LeftoverFiles.remove(List.of(out, rejected, this.root.resolve("does-not-exist")));

        assertThat(removed).isEqualTo(leftovers.size());
        assertThat(leftovers).noneMatch(Files::exists);
        assertThat(kept).allMatch(Files::exists);
    }

}

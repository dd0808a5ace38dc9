package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

    @TempDir
    Path folder;

    /** A name of exactly {@code bytes} UTF-8 bytes: Chinese characters (3 bytes each), then ASCII, then the extension. */
    static String nameOfBytes(int bytes, String extension) {
        StringBuilder name = new StringBuilder();
        int room = bytes - extension.length();
        while (room >= 3) {
            name.append('整');
            room -= 3;
        }
        name.append("x".repeat(room));
        return name + extension;
    }

    @Test
    void aTemporaryFileBecomesAWorkbookEveryoneInTheOfficeCanOpen() throws IOException {
        Path temp = FileNames.createTemporary(this.folder.resolve("整改总台账.xlsx"), ".tmp");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))).isEqualTo("rw-r--r--");
        assertThat(temp.getFileName().toString()).startsWith(".整改总台账.xlsx-").endsWith(".tmp");
    }

    @Test
    void aNameThatFitsIsKeptAsItIs() {
        assertThat(FileNames.fit("民政局-11月.xlsx", 0)).isEqualTo("民政局-11月.xlsx");
        assertThat(FileNames.numbered("民政局-11月.xlsx", 1)).isEqualTo("民政局-11月.xlsx");
        assertThat(FileNames.numbered("民政局-11月.xlsx", 2)).isEqualTo("民政局-11月(2).xlsx");
    }

    @Test
    void aNumberedNameOfALongNameStaysWithinTheLimitAndKeepsItsExtension() {
        String name = "民政局" + nameOfBytes(255 - 9, ".xlsx");
        assertThat(FileNames.bytes(name)).isEqualTo(255);

        String second = FileNames.numbered(name, 2);

        assertThat(FileNames.bytes(second)).isLessThanOrEqualTo(255);
        assertThat(second).startsWith("民政局整整").endsWith("…(2).xlsx");
    }

    @Test
    void shorteningNeverCutsACharacterInHalf() {
        for (int reserved = 0; reserved < 12; reserved++) {
            String fitted = FileNames.fit("整".repeat(90) + ".xls", reserved);
            byte[] bytes = fitted.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(fitted);
            assertThat(fitted).doesNotContain("\uFFFD").endsWith("….xls");
            assertThat(bytes.length + reserved).isLessThanOrEqualTo(255);
        }
    }

    @Test
    void aSupplementaryCharacterIsKeptWholeOrLeftOut() {
        String name = "😀".repeat(80) + ".xlsx";
        String fitted = FileNames.fit(name, 10);
        assertThat(new String(fitted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(fitted);
        assertThat(fitted).startsWith("😀😀").endsWith("😀….xlsx");
        assertThat(FileNames.bytes(fitted)).isLessThanOrEqualTo(245);
    }

    @Test
    void aTemporaryFileBesideATargetOfTheLongestNameCanBeCreated() throws IOException {
        Path target = this.folder.resolve(nameOfBytes(255, ".xlsx"));

        Path temp = FileNames.createTemporary(target, ".tmp");

        assertThat(temp).exists().hasParent(this.folder);
        assertThat(temp.getFileName().toString()).startsWith(".整").endsWith(".tmp");
    }

    @Test
    void aFreeNameIsNeverAnExistingFile() throws IOException {
        String name = nameOfBytes(255, ".xlsx");
        Files.writeString(this.folder.resolve(name), "earlier");
        Files.writeString(this.folder.resolve(FileNames.numbered(name, 2)), "earlier too");

        Path free = FileNames.free(this.folder, name);

        assertThat(free.getFileName().toString()).isEqualTo(FileNames.numbered(name, 3)).endsWith("…(3).xlsx");
        assertThat(free).doesNotExist();
        Files.writeString(free, "written");
    }

    @Test
    void aLongDotPartIsNotAnExtension() {
        String name = "说明." + "x".repeat(200);
        assertThat(FileNames.extension(name)).isEmpty();
        assertThat(FileNames.extension("民政局.xlsx")).isEqualTo(".xlsx");
        assertThat(FileNames.extension(".hidden")).isEmpty();
    }

}

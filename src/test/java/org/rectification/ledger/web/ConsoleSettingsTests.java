package org.rectification.ledger.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.office.JobFileParser;

import static org.assertj.core.api.Assertions.assertThat;

/** The job file's {@code web:} section becomes the console's port, upload limit and session timeout. */
class ConsoleSettingsTests {

    @TempDir
    Path dir;

    @Test
    void theJobFilesWebSectionSetsPortUploadLimitAndSessionTimeout() throws IOException {
        Path job = this.dir.resolve("county.yml");
        Files.writeString(job, """
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                web: { port: 8443, max-upload-mb: 5, session-timeout-minutes: 15 }
                """, StandardCharsets.UTF_8);
        var properties = ConsoleSettings.properties(JobFileParser.parse(job));
        assertThat(properties).containsEntry("server.port", "8443")
            .containsEntry("spring.servlet.multipart.max-file-size", "5MB")
            .containsEntry("server.servlet.session.timeout", "15m")
            .containsEntry("server.servlet.session.cookie.http-only", "true")
            .containsEntry("server.error.include-stacktrace", "never");
    }

}

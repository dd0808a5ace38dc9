package org.rectification.ledger.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A workbook sent to the browser as an attachment under its Chinese name. */
final class Downloads {

    static final MediaType XLSX = MediaType
        .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    static boolean available(Path file) {
        return file != null && Files.isRegularFile(file);
    }

    static ResponseEntity<Resource> workbook(Path file, String name) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
            .contentType(XLSX)
            .body(new FileSystemResource(file));
    }

}

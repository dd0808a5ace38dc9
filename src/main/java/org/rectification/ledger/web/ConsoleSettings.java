package org.rectification.ledger.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rectification.ledger.office.JobFile;

/**
 * The Spring Boot settings of the console, from the job file's {@code web:} section. They are default
 * properties: environment variables and system properties (for instance the SSL bundle of README's "The web
 * console") override them.
 */
public final class ConsoleSettings {

    private ConsoleSettings() {
    }

    public static Map<String, Object> properties(JobFile job) {
        JobFile.Web web = job.web();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(web.port()));
        properties.put("spring.servlet.multipart.max-file-size", web.maxUploadMb() + "MB");
        // the form around the file (CSRF token, field names) needs a little room of its own
        properties.put("spring.servlet.multipart.max-request-size", (web.maxUploadMb() + 1) + "MB");
        properties.put("server.servlet.session.timeout", web.sessionTimeoutMinutes() + "m");
        properties.put("server.servlet.session.cookie.http-only", "true");
        properties.put("server.servlet.session.cookie.same-site", "strict");
        properties.put("server.servlet.session.tracking-modes", "cookie");
        properties.put("server.error.include-stacktrace", "never");
        properties.put("server.error.include-message", "never");
        properties.put("server.error.whitelabel.enabled", "false");
        properties.put("spring.mvc.problemdetails.enabled", "false");
        return properties;
    }

}

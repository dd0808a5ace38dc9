package org.rectification.ledger.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Writes the audit trail for what happens in the console, with who did it and from which address. */
@Component
@ConditionalOnWebApplication
class ConsoleAudit {

    private final JdbcAuditDao audit;

    private final Clock clock;

    ConsoleAudit(JdbcAuditDao audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void record(HttpServletRequest request, ConsoleUser user, AuditAction action, String sha256, String detail) {
        record(request, (user != null) ? user.getUsername() : null, (user != null) ? user.department() : null, action,
                sha256, detail);
    }

    void record(HttpServletRequest request, String username, String department, AuditAction action, String sha256,
            String detail) {
        this.audit.record(new JdbcAuditDao.Entry(this.clock.instant(), username, department, action, sha256, detail,
                (request != null) ? request.getRemoteAddr() : null));
    }

}

package org.rectification.ledger.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What a login attempt leads to: a success clears the failure count and sends a one-time password to the
 * password page; the fifth failure in a row locks the account for {@link #LOCKOUT}. Both go to the audit trail.
 */
@Component
@ConditionalOnWebApplication
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;

    static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** Session attribute set while the account still has its one-time password. */
    static final String MUST_CHANGE_PASSWORD = "ledger.mustChangePassword";

    private final JdbcAccountDao accounts;

    private final ConsoleAudit audit;

    private final Clock clock;

    LoginOutcomes(JdbcAccountDao accounts, ConsoleAudit audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        ConsoleUser user = (ConsoleUser) authentication.getPrincipal();
        this.accounts.recordSuccess(user.getUsername());
        this.audit.record(request, user, AuditAction.LOGIN, null, null);
        boolean mustChange = this.accounts.find(user.getUsername()).map(Account::mustChangePassword).orElse(true);
        if (mustChange) {
            request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String department = (username != null)
                ? this.accounts.find(username).map(Account::department).orElse(null) : null;
        if (exception instanceof LockedException) {
            this.audit.record(request, username, department, AuditAction.LOGIN_FAILED, null, "account locked");
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        this.audit.record(request, username, department, AuditAction.LOGIN_FAILED, null, null);
        if (username != null
                && this.accounts.recordFailure(username, MAX_FAILURES, this.clock.instant().plus(LOCKOUT))) {
            this.audit.record(request, username, department, AuditAction.ACCOUNT_LOCKED, null,
                    MAX_FAILURES + " failed logins; locked for " + LOCKOUT.toMinutes() + " minutes");
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

}

package org.rectification.ledger.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page, the landing redirect by role, and the password change (forced after a one-time password). */
@Controller
@ConditionalOnWebApplication
class LoginController {

    private final Accounts accounts;

    private final JdbcAccountDao accountDao;

    private final ConsoleAudit audit;

    private final Clock clock;

    LoginController(Accounts accounts, JdbcAccountDao accountDao, ConsoleAudit audit, Clock clock) {
        this.accounts = accounts;
        this.accountDao = accountDao;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal ConsoleUser user) {
        return (user.role() == Role.DEPARTMENT) ? "redirect:/department" : "redirect:/office";
    }

    @GetMapping("/password")
    String passwordForm(@AuthenticationPrincipal ConsoleUser user, HttpSession session, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("forced", Boolean.TRUE.equals(session.getAttribute(LoginOutcomes.MUST_CHANGE_PASSWORD)));
        model.addAttribute("minLength", Accounts.MIN_PASSWORD_LENGTH);
        return "password";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal ConsoleUser user, @RequestParam String current,
            @RequestParam String password, @RequestParam String confirm, HttpServletRequest request,
            HttpSession session, Model model, RedirectAttributes redirect) {
        Account account = this.accountDao.find(user.getUsername()).orElseThrow();
        String problem = null;
        if (!this.accounts.encoder().matches(current, account.passwordHash())) {
            problem = "web.password.wrong-current";
        }
        else if (password.length() < Accounts.MIN_PASSWORD_LENGTH) {
            problem = "web.password.too-short";
        }
        else if (!password.equals(confirm)) {
            problem = "web.password.mismatch";
        }
        else if (password.equals(current)) {
            problem = "web.password.same";
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            return passwordForm(user, session, model);
        }
        this.accountDao.changePassword(user.getUsername(), this.accounts.encoder().encode(password),
                this.clock.instant());
        session.removeAttribute(LoginOutcomes.MUST_CHANGE_PASSWORD);
        this.audit.record(request, user, AuditAction.PASSWORD_CHANGED, null, null);
        redirect.addFlashAttribute("notice", "web.password.changed");
        return home(user);
    }

}

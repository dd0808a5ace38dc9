package org.rectification.ledger.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until a one-time password is replaced, every page but the password page (and logout) leads there. */
class PasswordChangeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session != null && Boolean.TRUE.equals(session.getAttribute(LoginOutcomes.MUST_CHANGE_PASSWORD))
                && !path.equals("/password") && !path.equals("/logout") && !path.startsWith("/css/")
                && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        chain.doFilter(request, response);
    }

}

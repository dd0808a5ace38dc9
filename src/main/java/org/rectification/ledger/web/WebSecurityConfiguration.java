package org.rectification.ledger.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may open what: form login against the ledger database's accounts, CSRF tokens on every form, a
 * department's pages for its clerks only, the board for the office and supervisors, "run now" and the notices
 * for the office only. Every page needs a login except the login page and the style sheet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    @Bean
    UserDetailsService consoleUsers(JdbcAccountDao accounts, Clock clock) {
        return (username) -> accounts.find(username)
            .map((account) -> new ConsoleUser(account, account.lockedAt(clock.instant())))
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    PasswordEncoder passwordEncoder(Accounts accounts) {
        return accounts.encoder();
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, LoginOutcomes outcomes, ConsoleAudit audit)
            throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests((requests) -> requests
            .requestMatchers("/css/**", "/login", "/error", "/favicon.ico").permitAll()
            .requestMatchers("/department/**").hasRole(Role.DEPARTMENT.name())
            .requestMatchers(HttpMethod.POST, "/office/run").hasRole(Role.OFFICE.name())
            .requestMatchers("/office/notices/**").hasRole(Role.OFFICE.name())
            .requestMatchers("/office/**").hasAnyRole(Role.OFFICE.name(), Role.SUPERVISOR.name())
            .anyRequest().authenticated())
            .formLogin((form) -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes).permitAll())
            .logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
            .sessionManagement((session) -> session.invalidSessionUrl("/login?expired"))
            .headers((headers) -> headers
                .contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")))
            .exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, denied) -> {
                Object principal = (request.getUserPrincipal() instanceof Authentication a)
                        ? a.getPrincipal() : null;
                audit.record(request, (principal instanceof ConsoleUser user) ? user : null, AuditAction.ACCESS_DENIED,
                        null, request.getMethod() + " " + request.getRequestURI());
                forbidden.handle(request, response, denied);
            }))
            .addFilterAfter(new PasswordChangeFilter(), AuthorizationFilter.class);
        return http.build();
    }

}

package org.rectification.ledger.web;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in account as Spring Security holds it, with its role and (for a clerk) its department. */
public class ConsoleUser extends User {

    private final Role role;

    private final String department;

    ConsoleUser(Account account, boolean locked) {
        super(account.username(), account.passwordHash(), true, true, true, !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.role = account.role();
        this.department = account.department();
    }

    public Role role() {
        return this.role;
    }

    /** The roster name of a clerk's department; null for the office and supervisors. */
    public String department() {
        return this.department;
    }

}

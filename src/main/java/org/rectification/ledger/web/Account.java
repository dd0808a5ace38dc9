package org.rectification.ledger.web;

import java.time.Instant;

/**
 * A console account.
 *
 * @param passwordHash a DelegatingPasswordEncoder hash ({bcrypt}...), never the password
 * @param department the roster name of a DEPARTMENT account's department, null for the others
 * @param mustChangePassword the password is a one-time password: the next login must change it
 * @param lockedUntil repeated failed logins lock the account until then; null when not locked
 */
public record Account(long id, String username, String passwordHash, Role role, String department,
        boolean mustChangePassword, int failedLogins, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return this.lockedUntil != null && this.lockedUntil.isAfter(now);
    }

}

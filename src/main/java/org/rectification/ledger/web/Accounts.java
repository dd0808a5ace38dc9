package org.rectification.ledger.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Creates and resets console accounts from the command line. There is no default password: every account
 * starts with a random one-time password, printed once, that the first login must replace.
 */
@Component
public class Accounts {

    /** Letters and digits a clerk cannot misread (no 0/O, 1/l/I). */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private static final int ONE_TIME_LENGTH = 14;

    /** The shortest password a user may choose. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final JdbcAccountDao accounts;

    private final JdbcAuditDao audit;

    private final Roster roster;

    private final Clock clock;

    public Accounts(JdbcAccountDao accounts, JdbcAuditDao audit, Roster roster, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.roster = roster;
        this.clock = clock;
    }

    /** Why an account cannot be created or changed, in the Chinese words the command line prints. */
    public static class AccountException extends RuntimeException {

        public AccountException(String message) {
            super(message);
        }

    }

    /** Creates an account and returns its one-time password. */
    public String add(String username, Role role, String department) {
        String name = (username != null) ? username.strip() : "";
        if (name.isEmpty() || name.length() > 100 || !name.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '.' || c == '_' || c == '-' || c == '@')) {
            throw new AccountException(Messages.get("web.account.bad-name", username));
        }
        String rosterName = null;
        if (role == Role.DEPARTMENT) {
            if (department == null || department.isBlank()) {
                throw new AccountException(Messages.get("web.account.department-needed"));
            }
            rosterName = this.roster.find(department)
                .orElseThrow(() -> new AccountException(Messages.get("web.account.department-unknown", department,
                        String.join("、", this.roster.names()))));
        }
        else if (department != null) {
            throw new AccountException(Messages.get("web.account.department-not-allowed"));
        }
        if (this.accounts.find(name).isPresent()) {
            throw new AccountException(Messages.get("web.account.exists", name));
        }
        String password = oneTimePassword();
        this.accounts.create(name, this.encoder.encode(password), role, rosterName, this.clock.instant());
        this.audit.record(new JdbcAuditDao.Entry(this.clock.instant(), name, rosterName, AuditAction.ACCOUNT_CREATED,
                null, "role " + role, "command line"));
        return password;
    }

    /** A new one-time password for an account (which also lifts a lock); returns it. */
    public String reset(String username) {
        Account account = this.accounts.find(username)
            .orElseThrow(() -> new AccountException(Messages.get("web.account.unknown", username)));
        String password = oneTimePassword();
        this.accounts.reset(account.username(), this.encoder.encode(password));
        this.audit.record(new JdbcAuditDao.Entry(this.clock.instant(), account.username(), account.department(),
                AuditAction.PASSWORD_RESET, null, null, "command line"));
        return password;
    }

    public Optional<Account> find(String username) {
        return this.accounts.find(username);
    }

    public List<Account> list() {
        return this.accounts.all();
    }

    public PasswordEncoder encoder() {
        return this.encoder;
    }

    static String oneTimePassword() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

}

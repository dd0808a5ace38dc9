package org.rectification.ledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledger user}: accounts are created and reset from the command line with a printed one-time password,
 * stored only as a Spring Security hash; a department account names a roster department.
 */
class UserCommandTests {

    private static final Pattern ONE_TIME = Pattern.compile("一次性密码：(\\S+)");

    @TempDir
    Path temp;

    private static String password(CommandOutput output) {
        Matcher matcher = ONE_TIME.matcher(output.text());
        assertThat(matcher.find()).as(output.text()).isTrue();
        return matcher.group(1);
    }

    @Test
    void addPrintsAOneTimePasswordThatIsStoredOnlyAsAHashToBeChanged() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        CommandOutput added = CommandOutput.of("user", "add", "--job", workspace.jobFile.toString(), "--role",
                "department", "--department", "民政局", "mzj");
        assertThat(added.exitCode()).isZero();
        String password = password(added);
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);

        JdbcTemplate jdbc = workspace.jdbc();
        Map<String, Object> row = jdbc.queryForMap("select password_hash, role, department, must_change_password "
                + "from web_account where username = 'mzj'");
        String hash = (String) row.get("PASSWORD_HASH");
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, hash)).isTrue();
        assertThat(row.get("ROLE")).isEqualTo("DEPARTMENT");
        assertThat(row.get("DEPARTMENT")).as("the roster's full name").isEqualTo("县民政局");
        assertThat(row.get("MUST_CHANGE_PASSWORD")).isEqualTo(true);
        assertThat(jdbc.queryForList("select action from web_audit where username = 'mzj'", String.class))
            .containsExactly("ACCOUNT_CREATED");
    }

    @Test
    void resetGivesANewOneTimePasswordAndLiftsALock() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        String first = password(CommandOutput.of("user", "add", "--job", workspace.jobFile.toString(), "--role",
                "office", "zgb"));
        workspace.jdbc().update("update web_account set must_change_password = false, failed_logins = 3, "
                + "locked_until = timestamp '2099-01-01 00:00:00' where username = 'zgb'");
        CommandOutput reset = CommandOutput.of("user", "reset", "--job", workspace.jobFile.toString(), "zgb");
        assertThat(reset.exitCode()).isZero();
        String second = password(reset);
        assertThat(second).isNotEqualTo(first);
        Map<String, Object> row = workspace.jdbc()
            .queryForMap("select must_change_password, failed_logins, locked_until from web_account where username = 'zgb'");
        assertThat(row.get("MUST_CHANGE_PASSWORD")).isEqualTo(true);
        assertThat(row.get("FAILED_LOGINS")).isEqualTo(0);
        assertThat(row.get("LOCKED_UNTIL")).isNull();
    }

    @Test
    void refusesADepartmentThatIsNotOnTheRosterAndADuplicateName() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        String job = workspace.jobFile.toString();
        assertThat(CommandOutput.of("user", "add", "--job", job, "--role", "department", "--department", "县档案馆",
                "dag").exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(CommandOutput.of("user", "add", "--job", job, "--role", "department", "nodept").exitCode())
            .isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(CommandOutput.of("user", "add", "--job", job, "--role", "office", "zgb").exitCode()).isZero();
        assertThat(CommandOutput.of("user", "add", "--job", job, "--role", "office", "zgb").exitCode())
            .isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(workspace.jdbc().queryForList("select username from web_account", String.class))
            .isEqualTo(List.of("zgb"));
    }

    @Test
    void refusalsAreOneChineseLineNamingWhatToDo() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        String job = workspace.jobFile.toString();
        assertThat(CommandOutput.of("user", "add", "--job", job, "--role", "office", "zgb").exitCode()).isZero();

        ConsoleOutput unknownDepartment = ConsoleOutput.of("user", "add", "--job", job, "--role", "department",
                "--department", "县档案馆", "dag");
        ConsoleOutput noDepartment = ConsoleOutput.of("user", "add", "--job", job, "--role", "department", "nodept");
        ConsoleOutput departmentForOffice = ConsoleOutput.of("user", "add", "--job", job, "--role", "office",
                "--department", "县民政局", "office2");
        ConsoleOutput twice = ConsoleOutput.of("user", "add", "--job", job, "--role", "office", "zgb");
        ConsoleOutput badName = ConsoleOutput.of("user", "add", "--job", job, "--role", "office", "a b");
        ConsoleOutput nobody = ConsoleOutput.of("user", "reset", "--job", job, "nobody");

        assertThat(unknownDepartment.err()).contains("错误：单位“县档案馆”不在花名册中").contains("县民政局");
        assertThat(noDepartment.err()).contains("错误：责任单位账号（--role department）须用 --department");
        assertThat(departmentForOffice.err()).contains("错误：只有责任单位账号");
        assertThat(twice.err()).contains("错误：账号 zgb 已存在").contains("ledger user reset");
        assertThat(badName.err()).contains("错误：用户名“a b”无效");
        assertThat(nobody.err()).contains("错误：没有账号 nobody");
        for (ConsoleOutput refusal : List.of(unknownDepartment, noDepartment, departmentForOffice, twice, badName,
                nobody)) {
            assertThat(refusal.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
            assertThat(refusal.err().strip()).as("one line, no English sentence").doesNotContain("\n")
                .doesNotContainPattern("\\b(is not|roster|needs|exists|no user|only for|must be)\\b");
        }
    }

}

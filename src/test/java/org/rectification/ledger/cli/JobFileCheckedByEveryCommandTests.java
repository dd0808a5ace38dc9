package org.rectification.ledger.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that reads a job file rejects what {@code check} rejects, before it starts anything: an unknown
 * rule code or severity under checks.rules is exit 2 with one line naming the file and the key.
 */
class JobFileCheckedByEveryCommandTests {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = { "run", "serve", "status", "demo", "check" })
    void aMisspelledRuleCodeIsABadJobFile(String command) throws Exception {
        LedgerWorkspace workspace = withRules("{ OWNER_MISING: off }");

        ConsoleOutput output = ConsoleOutput.of(arguments(command, workspace));

        assertThat(output.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(output.err()).contains("错误：", workspace.jobFile.toString(), "“checks.rules.OWNER_MISING”不是规则代码");
        assertNothingStarted(workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "serve", "status", "demo", "check" })
    void anUnknownSeverityIsABadJobFile(String command) throws Exception {
        LedgerWorkspace workspace = withRules("{ OWNER_MISSING: warn }");

        ConsoleOutput output = ConsoleOutput.of(arguments(command, workspace));

        assertThat(output.exitCode()).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(output.err()).contains(workspace.jobFile.toString(), "“checks.rules.OWNER_MISSING”应为以下之一", "“warn”");
        assertNothingStarted(workspace);
    }

    private LedgerWorkspace withRules(String rules) throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        String job = Files.readString(workspace.jobFile, StandardCharsets.UTF_8);
        Files.writeString(workspace.jobFile, job.replace("checks:\n", "checks:\n  rules: " + rules + "\n"),
                StandardCharsets.UTF_8);
        return workspace;
    }

    private String[] arguments(String command, LedgerWorkspace workspace) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(command, "--job", workspace.jobFile.toString()));
        if (command.equals("check")) {
            Path sheet = this.temp.resolve("民政局.xlsx");
            Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-11/民政局-11月整改任务分解表.xlsx"), sheet);
            arguments.add(sheet.toString());
        }
        if (command.equals("demo")) {
            arguments.addAll(List.of("--sheets", LedgerWorkspace.SAMPLES.toString()));
        }
        return arguments.toArray(String[]::new);
    }

    /** No database, no log folder, no output: the job file was refused before anything began. */
    private void assertNothingStarted(LedgerWorkspace workspace) throws Exception {
        assertThat(workspace.root.resolve("work")).doesNotExist();
        assertThat(workspace.out()).doesNotExist();
        assertThat(Files.readString(workspace.jobFile, StandardCharsets.UTF_8)).contains("rules:");
    }

}

package org.rectification.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure holds: the top-level packages depend on each other without cycles, and each ledger table
 * is named in SQL by the one package that owns it, which offers the others a typed API.
 */
class ArchitectureTests {

    private static final String BASE = "org.rectification.ledger";

    private static final Path MAIN_SOURCES = Path.of("src/main/java/org/rectification/ledger");

    /** Each table of db/migration and the one top-level package whose SQL may name it. */
    static final Map<String, String> OWNERS = Map.of("submission", "intake", "finding", "ledger", "task", "ledger",
            "task_month", "ledger", "delivery", "delivery", "department_mail", "delivery", "web_account", "web",
            "web_audit", "web", "shedlock", "job");

    @Test
    void topLevelPackagesHaveNoCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
        slices().matching(BASE + ".(*)..")
            .should()
            .beFreeOfCycles()
            .check(classes);
    }

    @Test
    void onlyTheOwningPackageNamesATableInSql() throws IOException {
        Map<String, Set<String>> namedBy = sqlTables(MAIN_SOURCES);
        assertThat(namedBy).containsOnlyKeys(OWNERS.keySet());
        namedBy.forEach((table, packages) -> assertThat(packages).as("packages naming table %s in SQL", table)
            .containsExactly(OWNERS.get(table)));
    }

    @Test
    void theSqlScanFindsTablesInStringsAndTextBlocksButNotInComments() {
        String source = """
                /** Reads from submission. */
                class X {
                    // update finding
                    String a = "select id from  submission where x = 'a\\"b'";
                    char c = '"';
                    String b = \"""
                            insert into
                              task_month (task_id) values (?)
                            \""";
                    String d = "FROM Task t";
                }
                """;
        assertThat(tablesIn(source)).containsExactlyInAnyOrder("submission", "task_month", "task");
    }

    /** For each table named in SQL under {@code root}, the top-level packages whose sources name it. */
    static Map<String, Set<String>> sqlTables(Path root) throws IOException {
        Map<String, Set<String>> namedBy = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class
                }
                String pkg = relative.getName(0).toString();
                for (String table : tablesIn(Files.readString(file, StandardCharsets.UTF_8))) {
                    namedBy.computeIfAbsent(table, (t) -> new TreeSet<>()).add(pkg);
                }
            }
        }
        return namedBy;
    }

    private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:from|into|update|join|table)\\s+("
            + String.join("|", OWNERS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    /** The ledger tables the string literals and text blocks of a Java source name in SQL. */
    static Set<String> tablesIn(String source) {
        Set<String> tables = new TreeSet<>();
        for (String literal : stringLiterals(source)) {
            Matcher matcher = SQL_TABLE.matcher(literal);
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    /** The contents of a source's string literals and text blocks; comments and character literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = (end < 0) ? n : end + 1;
            }
            else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = (end < 0) ? n : end + 2;
            }
            else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            }
            else if (c == '"') {
                int end = closing(source, i + 1, "\"");
                literals.add(source.substring(i + 1, end));
                i = end + 1;
            }
            else if (c == '\'') {
                int end = closing(source, i + 1, "'");
                i = end + 1;
            }
            else {
                i++;
            }
        }
        return literals;
    }

    /** Where the literal opened before {@code from} closes, escapes skipped. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            }
            else if (source.startsWith(quote, i)) {
                return i;
            }
            else {
                i++;
            }
        }
        return source.length();
    }

}

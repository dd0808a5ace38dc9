package org.rectification.ledger.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectification.ledger.sheet.TextForms;

/**
 * The office's list of departments (单位名单) with the other names they go by. Loaded by
 * {@link RosterLoader}; matching uses the same normalisation as headers.
 */
public final class Roster {

    /**
     * @param name the department's official name, used everywhere in our outputs
     * @param aliases other names it signs as (简称, old names)
     * @param reporting whether it is expected to submit every month (是否报送; a unit with no tasks is not)
     * @param contact the department's clerk for this campaign (联系人), or null
     * @param mails where return notices and reminders go (联系邮箱), possibly none
     */
    public record Department(String name, List<String> aliases, boolean reporting, String contact,
            List<String> mails) {

        public Department {
            aliases = List.copyOf(aliases);
            mails = List.copyOf(mails);
        }

        /** A reporting department with no contact or mail on file. */
        public Department(String name, List<String> aliases) {
            this(name, aliases, true, null, List.of());
        }

    }

    private final List<Department> departments;

    private final Map<String, String> byKey = new LinkedHashMap<>();

    public Roster(List<Department> departments) {
        this.departments = List.copyOf(departments);
        for (Department department : this.departments) {
            this.byKey.putIfAbsent(TextForms.key(department.name()), department.name());
            for (String alias : department.aliases()) {
                this.byKey.putIfAbsent(TextForms.key(alias), department.name());
            }
        }
    }

    /** Departments in roster order. */
    public List<Department> departments() {
        return this.departments;
    }

    public List<String> names() {
        return this.departments.stream().map(Department::name).toList();
    }

    /** Departments expected to submit every month, the first month included, in roster order. */
    public List<Department> expected() {
        return this.departments.stream().filter(Department::reporting).toList();
    }

    /** The roster entry for an official name, as returned by {@link #find}. */
    public Optional<Department> department(String officialName) {
        return this.departments.stream().filter((d) -> d.name().equals(officialName)).findFirst();
    }

    /** The official name for a name or alias as written anywhere (spaces, full-width characters ignored). */
    public Optional<String> find(String written) {
        if (written == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(this.byKey.get(TextForms.key(written)));
    }

    /**
     * The department whose name or alias occurs in a longer text, such as a file name
     * ("民政局-11月.xlsx") or a title; the longest match wins.
     */
    public Optional<String> findIn(String text) {
        String key = TextForms.key(text);
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> entry : this.byKey.entrySet()) {
            if (!entry.getKey().isEmpty() && key.contains(entry.getKey()) && entry.getKey().length() > bestLength) {
                best = entry.getValue();
                bestLength = entry.getKey().length();
            }
        }
        return Optional.ofNullable(best);
    }

}

package org.rectification.ledger.sheet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of a task across months: the task code when the sheet has one, otherwise the
 * department plus the normalised problem and measure texts. Always scoped by department, so two
 * departments that both number their tasks "1-1" never collide.
 */
public final class TaskKey {

    private TaskKey() {
    }

    public static String of(String department, String taskCode, String problem, String measure) {
        String identity;
        if (taskCode != null && !TextForms.key(taskCode).isEmpty()) {
            identity = "code|" + TextForms.key(department) + "|" + TextForms.key(taskCode);
        }
        else {
            identity = "text|" + TextForms.key(department) + "|" + TextForms.key(problem) + "|" + TextForms.key(measure);
        }
        return sha256(identity);
    }

    public static String of(String department, TaskRow row) {
        return of(department, row.value(Field.TASK_CODE), row.seen(Field.PROBLEM), row.seen(Field.MEASURE));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}

package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rectification.ledger.system.Messages;

/**
 * Names the kind of a special file (FIFO, socket, device) for a clerk, from its Unix file mode.
 */
final class SpecialFiles {

    private static final int TYPE_MASK = 0170000;

    private static final int FIFO = 0010000;

    private static final int CHARACTER_DEVICE = 0020000;

    private static final int BLOCK_DEVICE = 0060000;

    private static final int SOCKET = 0140000;

    private SpecialFiles() {
    }

    /** "命名管道（FIFO）", "套接字", "设备文件" or "特殊文件". */
    static String describe(Path path) {
        int type;
        try {
            type = ((Integer) Files.getAttribute(path, "unix:mode")) & TYPE_MASK;
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return Messages.get("intake.special.other");
        }
        String key = switch (type) {
            case FIFO -> "intake.special.fifo";
            case SOCKET -> "intake.special.socket";
            case CHARACTER_DEVICE, BLOCK_DEVICE -> "intake.special.device";
            default -> "intake.special.other";
        };
        return Messages.get(key);
    }

}

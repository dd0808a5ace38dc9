package org.rectification.ledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.sheet.ProductMark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger init DIR}: sets up an office's working folder, so an office starts from files that work rather
 * than from the README: a job file explained line by line in Chinese, a roster template (.xlsx, and a CSV as
 * Excel saves it), the inbox and a short 使用说明.txt. An existing file is never overwritten: it is kept and said so.
 */
@Command(name = "init", mixinStandardHelpOptions = true)
class InitCommand implements Callable<Integer> {

    static final String JOB_FILE = "job.yml";

    static final String ROSTER_WORKBOOK = "花名册.xlsx";

    static final String ROSTER_CSV = "花名册.csv";

    static final String INSTRUCTIONS = "使用说明.txt";

    /** The roster's columns: only the first is required. */
    static final List<String> ROSTER_HEADER = List.of("单位名称", "别名", "是否报送", "联系人", "联系邮箱");

    private static final byte[] UTF8_BOM = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "cli.init.dir")
    Path dir;

    @Option(names = "--campaign", paramLabel = "NAME", descriptionKey = "cli.init.campaign")
    String campaign;

    @Option(names = "--feedback-date", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.init.feedback-date")
    LocalDate feedbackDate;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = this.spec.commandLine().getOut();
        Path office = this.dir.toAbsolutePath().normalize();
        if (Files.exists(office) && !Files.isDirectory(office)) {
            this.spec.commandLine().getErr()
                .println(Messages.get("cli.error", Messages.get("cli.init.not-a-folder", office)));
            return LedgerCommand.BAD_CONFIGURATION;
        }
        out.println(Messages.get("cli.init.header", office));
        Files.createDirectories(office);
        String name = (this.campaign != null && !this.campaign.isBlank()) ? this.campaign.trim()
                : Messages.get("cli.init.default-campaign");
        LocalDate feedback = (this.feedbackDate != null) ? this.feedbackDate : LocalDate.now();
        String launcher = launcherCommand();

        report(out, office.resolve(JOB_FILE), writeNew(office.resolve(JOB_FILE),
                bytes(template("job.yml").replace("{{campaign}}", yamlText(name))
                    .replace("{{feedback-date}}", feedback.toString()))));
        report(out, office.resolve(ROSTER_WORKBOOK), writeNew(office.resolve(ROSTER_WORKBOOK), rosterWorkbook()));
        report(out, office.resolve(ROSTER_CSV), writeNew(office.resolve(ROSTER_CSV), rosterCsv()));
        report(out, office.resolve(INSTRUCTIONS), writeNew(office.resolve(INSTRUCTIONS),
                windowsText(template(INSTRUCTIONS).replace("{{ledger}}", launcher))));
        Path inbox = office.resolve("inbox");
        boolean newInbox = !Files.isDirectory(inbox);
        Files.createDirectories(inbox);
        report(out, inbox, newInbox);
        if (this.feedbackDate == null) {
            out.println(Messages.get("cli.init.default-feedback-date", feedback.toString()));
        }
        out.println(Messages.get("cli.init.next", office.resolve(JOB_FILE), launcher));
        out.flush();
        return LedgerCommand.OK;
    }

    private static void report(PrintWriter out, Path file, boolean created) {
        out.println(Messages.get(created ? "cli.init.created" : "cli.init.kept", file.toString()));
    }

    /** Writes a file only when nothing is there; false when an existing file was kept. */
    private static boolean writeNew(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write(content);
        }
        catch (FileAlreadyExistsException ex) {
            return false;
        }
        return true;
    }

    /** The roster template as an office keeps it: the header and one example row, on a sheet named 花名册. */
    static byte[] rosterWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            ProductMark.mark(workbook, ProductMark.Kind.ROSTER);
            XSSFSheet sheet = workbook.createSheet(Messages.get("cli.init.roster.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < ROSTER_HEADER.size(); c++) {
                header.createCell(c).setCellValue(ROSTER_HEADER.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            Row example = sheet.createRow(1);
            List<String> values = exampleRow();
            for (int c = 0; c < values.size(); c++) {
                example.createCell(c).setCellValue(values.get(c));
            }
            int[] widths = { 24, 28, 10, 12, 30 };
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** The same as a CSV the way Excel saves "CSV UTF-8": a byte order mark, CRLF line ends. */
    static byte[] rosterCsv() {
        String text = String.join(",", ROSTER_HEADER) + "\r\n" + String.join(",", exampleRow()) + "\r\n";
        return withBom(text);
    }

    private static List<String> exampleRow() {
        return List.of(Messages.get("cli.init.roster.example-department"),
                Messages.get("cli.init.roster.example-aliases"), Messages.get("cli.init.roster.example-reporting"),
                Messages.get("cli.init.roster.example-contact"), Messages.get("cli.init.roster.example-mail"));
    }

    /** TextForms Notepad on Windows shows right, the office's files being opened there as often as not. */
    private static byte[] windowsText(String text) {
        return withBom(text.replace("\r\n", "\n").replace("\n", "\r\n"));
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String template(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("/office/" + name)) {
            if (in == null) {
                throw new IOException("template /office/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A campaign name as one YAML scalar, quoted when it holds anything YAML would read otherwise. */
    static String yamlText(String text) {
        if (text.matches("[\\p{IsHan}\\p{L}\\p{N}（）()·、_ -]+") && !text.startsWith("-") && !text.endsWith(" ")) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** How the office calls the launcher: its full path when it was started through it, else "ledger". */
    private static String launcherCommand() {
        Path launcher = Launcher.home().resolve("ledger");
        return Files.isRegularFile(launcher) ? launcher.toString() : "ledger";
    }

}

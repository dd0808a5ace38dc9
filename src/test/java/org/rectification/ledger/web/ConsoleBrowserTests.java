package org.rectification.ledger.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectification.ledger.job.LedgerWorkspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser: Debian's chromium, headless, driven by Selenium through Debian's chromedriver
 * (paths given explicitly, so nothing is downloaded). A department clerk logs in with a one-time password,
 * checks a broken sheet, downloads the notice, submits the fixed one; the office sees it on the board after
 * "run now"; another department's clerk is refused that department's data. Screenshots of the department page
 * (with findings) and the office board go to docs/screenshots/.
 */
@Tag("browser")
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path NOVEMBER = LedgerWorkspace.SAMPLES.resolve("2026-11");

    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @TempDir
    static Path temp;

    private ConsoleServer server;

    private WebDriver browser;

    private WebDriverWait wait;

    private Path downloads;

    private final Map<String, String> oneTimePasswords = new HashMap<>();

    /** The clerk of 县财政局's upload with findings, which the clerk of 县民政局 then tries to open. */
    private String financeUploadUrl;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        boolean required = "true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"));
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present) {
            String reason = "Skipped: browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver";
            if (required) {
                Assertions.fail("REQUIRE_BROWSER=true but " + reason);
            }
            Assumptions.abort(reason);
        }
        this.server = new ConsoleServer(Files.createDirectories(temp.resolve("office")));
        this.oneTimePasswords.put("czj", this.server.addUser("czj", Role.DEPARTMENT, "县财政局"));
        this.oneTimePasswords.put("mzj", this.server.addUser("mzj", Role.DEPARTMENT, "县民政局"));
        this.oneTimePasswords.put("zgb", this.server.addUser("zgb", Role.OFFICE, null));
        // the rest of the county's November files are in the folder already; the finance bureau uses the console
        Files.createDirectories(this.server.workspace.inbox());
        try (Stream<Path> files = Files.list(NOVEMBER)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("财政局")).toList()) {
                Files.copy(file, this.server.workspace.inbox().resolve(file.getFileName().toString()));
            }
        }

        this.downloads = Files.createDirectories(temp.resolve("downloads"));
        // Selenium Manager stays offline: the driver and the browser are named, nothing is looked up or fetched
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
        this.browser = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (this.browser != null) {
                this.browser.quit();
            }
        }
        finally {
            if (this.server != null) {
                this.server.close();
            }
        }
    }

    @Test
    @Order(1)
    void aDepartmentChecksABrokenSheetDownloadsTheNoticeAndSubmitsTheFixedOne() throws Exception {
        logInFirstTime("czj");
        assertThat(text("h1")).isEqualTo("县财政局：本月报送");
        assertThat(text("#due-date")).endsWith("-10");

        upload("财政局-11月.xlsx");
        this.financeUploadUrl = this.browser.getCurrentUrl();
        WebElement findings = this.browser.findElement(By.id("findings-table"));
        assertThat(findings.getText()).contains("第7行“任务编号”中的编号“CZ-03-1”重复使用").contains("每项整改任务的编号应唯一");
        assertThat(this.browser.findElement(By.id("findings-errors")).getText()).contains("错误");
        assertThat(this.browser.findElements(By.id("submit-button"))).as("a sheet with errors cannot be submitted")
            .isEmpty();

        this.browser.findElement(By.id("download-notice")).click();
        Path notice = this.downloads.resolve("财政局-11月-退回意见.xlsx");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(notice) && Files.size(notice) > 0);
        assertThat(Files.readAllBytes(notice)).startsWith('P', 'K');

        upload("财政局-11月（修改版）.xlsx");
        assertThat(text("#findings-none")).contains("可以报送");
        this.browser.findElement(By.id("submit-button")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(text("#notice")).contains("已报送");
        try (Stream<Path> inbox = Files.list(this.server.workspace.inbox())) {
            assertThat(inbox.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("县财政局-"));
        }
        logOut();
    }

    @Test
    @Order(2)
    void theOfficeSeesItOnTheBoardAfterRunNow() throws Exception {
        logInFirstTime("zgb");
        assertThat(this.browser.getCurrentUrl()).endsWith("/office");
        this.browser.findElement(By.id("run-now")).click();
        assertThat(text("#notice")).contains("已开始运行");
        this.server.awaitCompletedRuns(1);
        this.browser.navigate().refresh();
        assertThat(text("#runs-table")).contains("完成");
        WebElement finance = this.browser.findElement(By.cssSelector("tr[data-department='县财政局']"));
        assertThat(finance.getText()).contains("按时报送");
        assertThat(text("#missing")).doesNotContain("县财政局");

        // the board's figures are the progress workbook's (summary.json is written from the same figures)
        JsonNode summary = JsonMapper.builder().build()
            .readTree(this.server.workspace.out().resolve("summary.json").toFile());
        assertThat(Integer.parseInt(text("#figure-tasks"))).isEqualTo(summary.get("totals").get("tasks").asInt());
        JsonNode counts = summary.get("submissionCounts");
        assertThat(Integer.parseInt(text("#figure-expected"))).isEqualTo(counts.get("expected").asInt());
        assertThat(Integer.parseInt(text("#figure-accepted"))).isEqualTo(counts.get("accepted").asInt());
        assertThat(Integer.parseInt(text("#figure-returned"))).isEqualTo(counts.get("returned").asInt());
        assertThat(Integer.parseInt(text("#figure-missing"))).isEqualTo(counts.get("missing").asInt());
        // 未报送单位 lists every expected department not accepted: returned or nothing received
        assertThat(summary.get("missingSubmissions").size())
            .isEqualTo(counts.get("returned").asInt() + counts.get("missing").asInt());
        screenshot("office-board.png");
        logOut();
    }

    @Test
    @Order(3)
    void anotherDepartmentsClerkIsRefusedThatDepartmentsData() throws Exception {
        logInFirstTime("mzj");
        assertThat(text("h1")).isEqualTo("县民政局：本月报送");
        assertThat(this.browser.getPageSource()).doesNotContain("财政局-11月");

        this.browser.get(this.financeUploadUrl);
        assertThat(text("#error-message")).isEqualTo("没有找到此页面或文件。");
        this.browser.get(this.financeUploadUrl + "/notice");
        assertThat(text("#error-message")).isEqualTo("没有找到此页面或文件。");
        long financeSubmission = this.server.jdbc().queryForObject(
                "select min(id) from submission where department = '县财政局'", Long.class);
        this.browser.get(this.server.baseUrl() + "/department/submissions/" + financeSubmission + "/notice");
        assertThat(text("#error-message")).isEqualTo("没有找到此页面或文件。");
        this.browser.get(this.server.baseUrl() + "/office");
        assertThat(text("#error-message")).isEqualTo("没有权限查看此页面。");
        this.browser.get(this.server.baseUrl() + "/office/workbooks/ledger");
        assertThat(text("#error-message")).isEqualTo("没有权限查看此页面。");
        assertThat(Files.exists(this.downloads.resolve("整改总台账.xlsx"))).isFalse();
        this.browser.get(this.server.baseUrl() + "/");
        logOut();
    }

    @Test
    @Order(4)
    void theDepartmentPageShowsItsTasksWithTheirWarningsAndItsSubmissions() throws Exception {
        logIn("czj");
        assertThat(text("#month-state")).startsWith("按时报送");
        assertThat(text("#tasks")).contains("正在整改");
        assertThat(this.browser.findElements(By.cssSelector("#tasks .warning"))).isNotEmpty();
        assertThat(text("#submissions")).contains("已采纳").contains("czj");
        upload("财政局-11月.xlsx");
        assertThat(text("#findings-table")).contains("CZ-03-1");
        screenshot("department-findings.png");
    }

    private void logIn(String username) {
        this.browser.get(this.server.baseUrl() + "/login");
        this.browser.findElement(By.id("username")).sendKeys(username);
        this.browser.findElement(By.id("password")).sendKeys(username + "-chosen-password");
        this.browser.findElement(By.id("login")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    private void logInFirstTime(String username) {
        this.browser.get(this.server.baseUrl() + "/login");
        String oneTime = this.oneTimePasswords.get(username);
        this.browser.findElement(By.id("username")).sendKeys(username);
        this.browser.findElement(By.id("password")).sendKeys(oneTime);
        this.browser.findElement(By.id("login")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forced")));
        this.browser.findElement(By.id("current")).sendKeys(oneTime);
        this.browser.findElement(By.id("new-password")).sendKeys(username + "-chosen-password");
        this.browser.findElement(By.id("confirm")).sendKeys(username + "-chosen-password");
        this.browser.findElement(By.id("save-password")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(text("#notice")).isEqualTo("密码已修改。");
    }

    private void logOut() {
        this.browser.findElement(By.cssSelector("header form button")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    private void upload(String sample) throws Exception {
        // the browser sends the file under its own name, as a clerk's PC would
        Path copy = Files.createDirectories(temp.resolve("clerk-pc")).resolve(sample);
        Files.copy(NOVEMBER.resolve(sample), copy, StandardCopyOption.REPLACE_EXISTING);
        this.browser.findElement(By.id("file")).sendKeys(copy.toAbsolutePath().toString());
        this.browser.findElement(By.id("upload-button")).click();
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("findings")));
    }

    private String text(String css) {
        return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText().strip();
    }

    /** The whole page, not just the window: the window is made as tall as the page first. */
    private void screenshot(String name) throws Exception {
        Dimension before = this.browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) this.browser)
            .executeScript("return document.documentElement.scrollHeight");
        this.browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 6000)));
        byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), png);
        this.browser.manage().window().setSize(before);
        assertThat(List.of(png[1], png[2], png[3])).containsExactly((byte) 'P', (byte) 'N', (byte) 'G');
    }

}

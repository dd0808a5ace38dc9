package org.rectification.ledger.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.intake.ContentHash;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every console endpoint, tried by every kind of account against the real security configuration: a department
 * reaches its own data only, whatever id it tries; supervisors read; only the office runs and reads notices;
 * nothing without a login or without a CSRF token. Also login lockout, the forced password change, uploads
 * and submissions through the same intake as the folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAccessTests {

    private static final Path NOVEMBER = LedgerWorkspace.SAMPLES.resolve("2026-11");

    @TempDir
    static Path temp;

    private ConsoleServer server;

    private MockMvc mvc;

    /** Another department's staged upload and processed submission with a notice, for the clerk of 县民政局 to try. */
    private String foreignUploadId;

    private long foreignSubmissionId;

    private long ownSubmissionId;

    @BeforeAll
    void startWithProcessedSubmissions() throws Exception {
        this.server = new ConsoleServer(temp);
        this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.server.context)
            .apply(springSecurity())
            .build();
        this.server.addUser("zgb", Role.OFFICE, null);
        this.server.addUser("dc", Role.SUPERVISOR, null);
        this.server.addUser("mzj", Role.DEPARTMENT, "县民政局");
        this.server.addUser("sjj", Role.DEPARTMENT, "县审计局");
        this.server.addUser("czj", Role.DEPARTMENT, "财政局");
        Files.createDirectories(this.server.workspace.inbox());
        for (String name : List.of("审计局-11月整改任务分解表.xls", "民政局-11月整改任务分解表.xlsx")) {
            Files.copy(NOVEMBER.resolve(name), this.server.workspace.inbox().resolve(name));
        }
        this.mvc.perform(post("/office/run").with(user(this.server.user("zgb"))).with(csrf()));
        this.server.awaitCompletedRuns(1);
        this.foreignSubmissionId = this.server.jdbc()
            .queryForObject("select id from submission where department = '县审计局'", Long.class);
        this.ownSubmissionId = this.server.jdbc()
            .queryForObject("select id from submission where department = '县民政局'", Long.class);
        this.foreignUploadId = uploadId(upload("czj", "财政局-11月.xlsx"));
    }

    @AfterAll
    void stop() throws Exception {
        this.server.close();
    }

    private MvcResult upload(String username, String sample) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", sample, "application/octet-stream",
                Files.readAllBytes(NOVEMBER.resolve(sample)));
        return this.mvc.perform(multipart("/department/upload").file(file).with(user(this.server.user(username)))
            .with(csrf())).andReturn();
    }

    private static String uploadId(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/department/uploads/");
        return location.substring("/department/uploads/".length());
    }

    private int status(String username, MockHttpServletRequestBuilder request) throws Exception {
        if (username != null) {
            request.with(user(this.server.user(username)));
        }
        return this.mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus();
    }

    @Test
    void aDepartmentGetsNoneOfAnotherDepartmentsDataWhateverIdItTries() throws Exception {
        String upload = this.foreignUploadId;
        assertThat(status("mzj", get("/department/uploads/" + upload))).isEqualTo(404);
        assertThat(status("mzj", get("/department/uploads/" + upload + "/notice"))).isEqualTo(404);
        assertThat(status("mzj", post("/department/uploads/" + upload + "/submit"))).isEqualTo(404);
        assertThat(status("mzj", get("/department/submissions/" + this.foreignSubmissionId + "/notice")))
            .isEqualTo(404);
        assertThat(status("mzj", get("/department/submissions/999999/notice"))).isEqualTo(404);
        assertThat(status("mzj", get("/department/uploads/../../office"))).isIn(400, 404);
        // the office's pages and downloads are not a department's
        for (MockHttpServletRequestBuilder office : officeEndpoints()) {
            assertThat(status("mzj", office)).as(office.toString()).isEqualTo(403);
        }
        // its own department's page shows its own submissions only
        String page = this.mvc.perform(get("/department").with(user(this.server.user("mzj"))))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("民政局-11月整改任务分解表.xlsx").doesNotContain("审计局-11月整改任务分解表.xls")
            .doesNotContain("财政局-11月.xlsx");
    }

    @Test
    void theOwnerOfTheDataReachesIt() throws Exception {
        assertThat(status("czj", get("/department/uploads/" + this.foreignUploadId))).isEqualTo(200);
        assertThat(status("czj", get("/department/uploads/" + this.foreignUploadId + "/notice"))).isEqualTo(200);
        assertThat(status("sjj", get("/department/submissions/" + this.foreignSubmissionId + "/notice")))
            .isEqualTo(200);
        assertThat(status("zgb", get("/office/notices/" + this.foreignSubmissionId))).isEqualTo(200);
        assertThat(this.server.jdbc().queryForList("select action from web_audit where username = 'sjj'", String.class))
            .contains("DOWNLOAD");
    }

    @Test
    void aReturnedDepartmentSeesThatAndWhyOnItsOwnPage() throws Exception {
        String page = this.mvc.perform(get("/department").with(user(this.server.user("sjj"))))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已退回，待重新报送").contains("SIGNATURE_MISSING: 审核人").contains("未签名")
            .doesNotContain("民政局-11月");
    }

    @Test
    void supervisorsReadTheBoardAndWorkbooksButNeitherRunNorReadNotices() throws Exception {
        assertThat(status("dc", get("/office"))).isEqualTo(200);
        assertThat(status("dc", get("/office/workbooks/ledger"))).isEqualTo(200);
        assertThat(status("dc", get("/office/workbooks/progress"))).isEqualTo(200);
        assertThat(status("dc", post("/office/run"))).isEqualTo(403);
        assertThat(status("dc", get("/office/notices/" + this.foreignSubmissionId))).isEqualTo(403);
        assertThat(status("dc", get("/department"))).isEqualTo(403);
        assertThat(status("zgb", get("/department"))).isEqualTo(403);
        assertThat(status("zgb", get("/department/submissions/" + this.ownSubmissionId + "/notice")))
            .isEqualTo(403);
    }

    @Test
    void nothingOpensWithoutALogin() throws Exception {
        for (MockHttpServletRequestBuilder request : allEndpoints()) {
            MvcResult result = this.mvc.perform(request.with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(request.toString()).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(request.toString()).endsWith("/login");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        // a page with a form puts the session's token in it; a post that does not send it back is refused
        MockHttpSession office = new MockHttpSession();
        this.mvc.perform(get("/office").session(office).with(user(this.server.user("zgb"))));
        int runs = this.server.service.completedRuns();
        assertThat(this.mvc.perform(post("/office/run").session(office).with(user(this.server.user("zgb"))))
            .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(this.server.service.busy() || this.server.service.completedRuns() > runs).isFalse();
        MockHttpSession clerk = new MockHttpSession();
        this.mvc.perform(get("/department").session(clerk).with(user(this.server.user("mzj"))));
        assertThat(this.mvc.perform(multipart("/department/upload")
            .file(new MockMultipartFile("file", "a.xlsx", null, new byte[] { 1 }))
            .session(clerk)
            .with(user(this.server.user("mzj")))).andReturn().getResponse().getStatus()).isEqualTo(403);
        // without any session (it expired) the post leads back to the login page
        assertThat(this.mvc.perform(post("/office/run").with(user(this.server.user("zgb")))).andReturn()
            .getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void runNowSaysAnotherRunIsGoingWhileTheRunLockIsHeld() throws Exception {
        try (var held = this.server.context.getBean(org.rectification.ledger.job.RunLock.class)
            .tryAcquire("consolidation", java.time.Duration.ofMinutes(1))
            .orElseThrow()) {
            MvcResult result = this.mvc.perform(post("/office/run").with(user(this.server.user("zgb"))).with(csrf()))
                .andReturn();
            assertThat(result.getFlashMap().get("problem")).isEqualTo("web.run.busy");
            String board = this.mvc.perform(get("/office").with(user(this.server.user("zgb")))
                .flashAttr("problem", "web.run.busy")).andReturn().getResponse().getContentAsString();
            assertThat(board).contains("另一运行正在进行");
        }
    }

    @Nested
    class Logins {

        @Test
        void aOneTimePasswordLeadsToThePasswordPageUntilChanged() throws Exception {
            String oneTime = ConsoleAccessTests.this.server.addUser("wjj", Role.DEPARTMENT, "县卫生健康局");
            MvcResult login = ConsoleAccessTests.this.mvc.perform(formLogin("/login").user("wjj").password(oneTime))
                .andReturn();
            assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/password");
            MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
            assertThat(ConsoleAccessTests.this.mvc.perform(get("/department").session(session)).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/password");
            MvcResult changed = ConsoleAccessTests.this.mvc.perform(post("/password").session(session).with(csrf())
                .param("current", oneTime).param("password", "a-new-secret-1").param("confirm", "a-new-secret-1"))
                .andReturn();
            assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/department");
            assertThat(ConsoleAccessTests.this.mvc.perform(get("/department").session(session)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
            assertThat(ConsoleAccessTests.this.mvc.perform(formLogin("/login").user("wjj").password(oneTime))
                .andReturn().getResponse().getRedirectedUrl()).as("the one-time password is gone")
                .isEqualTo("/login?error");
        }

        @Test
        void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() throws Exception {
            String password = ConsoleAccessTests.this.server.addUser("jyj", Role.DEPARTMENT, "县教育局");
            for (int i = 1; i < LoginOutcomes.MAX_FAILURES; i++) {
                assertThat(ConsoleAccessTests.this.mvc.perform(formLogin("/login").user("jyj").password("wrong" + i))
                    .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            }
            assertThat(ConsoleAccessTests.this.mvc.perform(formLogin("/login").user("jyj").password("wrong5"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
            assertThat(ConsoleAccessTests.this.mvc.perform(formLogin("/login").user("jyj").password(password))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
            List<String> actions = ConsoleAccessTests.this.server.jdbc()
                .queryForList("select action from web_audit where username = 'jyj' order by id", String.class);
            assertThat(actions).contains("LOGIN_FAILED", "ACCOUNT_LOCKED").doesNotContain("LOGIN");
        }

    }

    @Nested
    class Submissions {

        @Test
        void anUploadThatIsNotASpreadsheetShowsTheFindingAndCannotBeSubmitted() throws Exception {
            MvcResult result = upload("mzj", "整改情况说明.xls");
            String id = uploadId(result);
            String page = ConsoleAccessTests.this.mvc
                .perform(get("/department/uploads/" + id).with(user(ConsoleAccessTests.this.server.user("mzj"))))
                .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("不是 Excel 工作簿").doesNotContain("id=\"submit-button\"");
            assertThat(status("mzj", post("/department/uploads/" + id + "/submit"))).isEqualTo(302);
            try (Stream<Path> inbox = Files.list(ConsoleAccessTests.this.server.workspace.inbox())) {
                assertThat(inbox.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("整改情况说明"));
            }
            try (Stream<Path> staged = Files.list(ConsoleAccessTests.this.server.job.folders().work()
                .resolve("web-uploads"))) {
                assertThat(staged.map(p -> p.getFileName().toString()))
                    .as("stored under names the server chose").allMatch(n -> n.startsWith(id.substring(0, 8))
                            || n.matches("[0-9a-f-]{36}(\\.xlsx|\\.xls|\\.xlsm|-notice\\.xlsx)"));
            }
        }

        @Test
        void theSameFileUploadedAndDroppedInTheFolderIsOneSubmission() throws Exception {
            String sample = "市场监管局-11月整改任务分解表.xlsx";
            ConsoleAccessTests.this.server.addUser("scj", Role.DEPARTMENT, "县市场监督管理局");
            String id = uploadId(upload("scj", sample));
            MvcResult submitted = ConsoleAccessTests.this.mvc.perform(post("/department/uploads/" + id + "/submit")
                .with(user(ConsoleAccessTests.this.server.user("scj"))).with(csrf())).andReturn();
            assertThat(submitted.getFlashMap().get("notice")).isEqualTo("web.submit.done");
            Path inbox = ConsoleAccessTests.this.server.workspace.inbox();
            Files.copy(NOVEMBER.resolve(sample), inbox.resolve(sample), StandardCopyOption.REPLACE_EXISTING);
            String sha256 = ContentHash.of(NOVEMBER.resolve(sample));
            assertThat(ConsoleAccessTests.this.server.jdbc().queryForObject(
                    "select username from web_audit where action = 'SUBMIT' and sha256 = ?", String.class, sha256))
                .as("who submitted it").isEqualTo("scj");

            int runs = ConsoleAccessTests.this.server.service.completedRuns();
            ConsoleAccessTests.this.mvc.perform(post("/office/run").with(user(ConsoleAccessTests.this.server.user("zgb")))
                .with(csrf()));
            ConsoleAccessTests.this.server.awaitCompletedRuns(runs + 1);

            List<Map<String, Object>> rows = ConsoleAccessTests.this.server.jdbc()
                .queryForList("select outcome, file_name from submission where sha256 = ? order by id", sha256);
            assertThat(rows).extracting(r -> r.get("OUTCOME")).containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE");
            assertThat(ConsoleAccessTests.this.server.jdbc().queryForObject(
                    "select count(*) from submission where department = '县市场监督管理局' and outcome = 'ACCEPTED'",
                    Integer.class)).isEqualTo(1);
            assertThat(ConsoleAccessTests.this.server.jdbc()
                .queryForList("select action from web_audit where username = 'scj' order by id", String.class))
                .containsSubsequence("ACCOUNT_CREATED", "UPLOAD", "SUBMIT");
            // uploading the same bytes again is not handed to the inbox a second time
            String again = uploadId(upload("scj", sample));
            MvcResult second = ConsoleAccessTests.this.mvc.perform(post("/department/uploads/" + again + "/submit")
                .with(user(ConsoleAccessTests.this.server.user("scj"))).with(csrf())).andReturn();
            assertThat(second.getFlashMap().get("notice")).isEqualTo("web.submit.already");
        }

        @Test
        void aSheetOfAnotherDepartmentCannotBeSubmittedInThisDepartmentsName() throws Exception {
            String id = uploadId(upload("mzj", "市场监管局-11月整改任务分解表.xlsx"));
            MvcResult result = ConsoleAccessTests.this.mvc.perform(post("/department/uploads/" + id + "/submit")
                .with(user(ConsoleAccessTests.this.server.user("mzj"))).with(csrf())).andReturn();
            assertThat(result.getFlashMap().get("problem")).isEqualTo("web.submit.other-department");
        }

    }

    private List<MockHttpServletRequestBuilder> officeEndpoints() {
        return List.of(get("/office"), post("/office/run"), get("/office/workbooks/ledger"),
                get("/office/workbooks/progress"), get("/office/notices/" + this.foreignSubmissionId));
    }

    private List<MockHttpServletRequestBuilder> allEndpoints() {
        String upload = this.foreignUploadId;
        return List.<MockHttpServletRequestBuilder>of(get("/"), get("/department"), post("/department/upload"),
                get("/department/uploads/" + upload), get("/department/uploads/" + upload + "/notice"),
                post("/department/uploads/" + upload + "/submit"),
                get("/department/submissions/" + this.foreignSubmissionId + "/notice"), get("/office"),
                post("/office/run"), get("/office/workbooks/ledger"), get("/office/workbooks/progress"),
                get("/office/notices/" + this.foreignSubmissionId), get("/password"), post("/password"));
    }

}

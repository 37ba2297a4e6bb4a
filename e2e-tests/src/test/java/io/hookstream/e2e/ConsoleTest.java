package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.schemas.bundle.BundleReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real headless Chromium against the whole system on a real broker: an
 * operator signs in, registers an app, creates a hook, watches signed and forged deliveries arrive
 * live, and reads what strangers sent as inert text. One system and one browser for the class.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTest {

    private static final String SECRET = "console-secret";
    private static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; object-src 'none'; base-uri 'none';"
                    + " frame-ancestors 'none'; form-action 'self'";
    private static final String IMG_PAYLOAD = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT_PAYLOAD = "<script>alert(1)</script>";

    private static RunningSystem hs;
    private static ConsoleBrowser browser;
    private static String console;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        // CI installs the browser (.ci/run) and requires the test; elsewhere it needs Chromium
        Assumptions.assumeTrue(
                ConsoleBrowser.installed() || System.getenv("HOOKSTREAM_BROWSER_REQUIRED") != null,
                "no chromium and chromedriver at " + ConsoleBrowser.CHROMIUM);
        hs = new RunningSystem(broker.getBrokersAsString());
        browser = new ConsoleBrowser();
        console = hs.system.controlUrl() + "/console/";
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (hs != null) {
            hs.close();
        }
    }

    @BeforeEach
    void normalWindow() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(1)
    void signingInTurnsTheTokenIntoAnHttpOnlyStrictCookieThatNoUrlOrScriptSees() throws Exception {
        browser.go(console);
        // not signed in: the login form
        WebElement token = browser.visible("#token");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        browser.shot("login");
        token.sendKeys("not-the-token", Keys.ENTER);
        browser.visible("#login-error");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("not-the-token");

        signIn();

        assertThat(browser.driver.getCurrentUrl()).doesNotContain(RunningSystem.TOKEN);
        Cookie cookie = browser.manage().getCookieNamed("hookstream_console");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getValue()).doesNotContain(RunningSystem.TOKEN);
        assertThat((String) browser.driver.executeScript("return document.cookie"))
                .doesNotContain("hookstream_console")
                .doesNotContain(cookie.getValue());
    }

    @Test
    @Order(2)
    void everyConsoleAnswerCarriesTheContentSecurityPolicy() throws Exception {
        signIn();
        String session = sessionCookie();
        for (String path :
                List.of(
                        "/console/login",
                        "/console/",
                        "/console/js/main.js",
                        "/console/console.css",
                        "/console/session",
                        "/webjars/uplot/1.6.30/dist/uPlot.esm.js")) {
            HttpResponse<String> answer = get(path, session);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(CSP);
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("no-referrer");
        }
        // no page of the console has an inline script or style for the policy to let through
        for (String path : List.of("/console/login", "/console/")) {
            assertThat(get(path, session).body())
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContain("<style", "style=", "onload=", "onclick=");
        }
    }

    @Test
    @Order(3)
    void aChangeMadeWithTheSessionCookieButWithoutItsCsrfTokenIsRefused() throws Exception {
        signIn();
        String session = sessionCookie();
        String hook =
                "{\"appId\":\"github\",\"webhook\":\"repository\",\"userId\":\""
                        + user("csrf")
                        + "\",\"parameters\":{\"secret\":\"s\"}}";

        HttpResponse<String> forged = post("/api/hooks", hook, session, null);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        // a read needs no CSRF token; the page's session answer hands it out
        assertThat(get("/api/hooks?limit=1", session).statusCode()).isEqualTo(200);
        String csrf =
                RunningSystem.JSON
                        .readTree(get("/console/session", session).body())
                        .get("csrfToken")
                        .asString();
        HttpResponse<String> withToken = post("/api/hooks", hook, session, csrf);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        // nor is a session worth anything without its own cookie
        assertThat(post("/api/hooks", hook, null, csrf).statusCode()).isEqualTo(401);

        // and the same from inside the page: a script's fetch without the header is refused
        Object status =
                browser.driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch('/api/hooks', {method: 'POST', headers: {'Content-Type':"
                                + " 'application/json'}, body: arguments[0]})"
                                + ".then(r => done(r.status), e => done(String(e)));",
                        hook);
        assertThat(status).isEqualTo(403L);
    }

    @Test
    @Order(4)
    void anAppIsRegisteredWithItsProblemsShownAtLineAndColumnThenSaved() throws Exception {
        signIn();
        browser.go(console + "#/apps");
        WebElement id = browser.visible("#new-app-id");
        id.sendKeys("console-shop", Keys.ENTER);
        WebElement editor = browser.visible("#app-definition");
        editor.clear();
        editor.sendKeys(
                "{\"webhooks\": {\"orders\": {\"type\": \"dedicated\", \"spec\": {"
                        + "\"iterate\": \"{{body.items +}}\", \"output\": {\"sku\": \"{{item.sku}}\"}}}}}");
        browser.driver.findElement(By.id("save-app")).click();
        WebElement problem = browser.visible("#app-problems .problem");
        assertThat(problem.getText())
                .contains("webhooks.orders.spec.iterate")
                .containsPattern("line \\d+, column \\d+");
        browser.shot("app-problems");

        editor.clear();
        editor.sendKeys(
                "{\"name\": \"Console shop\", \"webhooks\": {\"orders\": {\"type\": \"dedicated\","
                        + " \"spec\": {\"iterate\": \"{{body.items}}\", \"output\": {\"sku\":"
                        + " \"{{item.sku}}\"}}}}}");
        browser.driver.findElement(By.id("save-app")).click();
        browser.containing("#status", "Saved console-shop, version 1");
        browser.containing("#app-webhooks td", "orders");

        browser.go(console + "#/apps");
        browser.containing("main table a", "console-shop");
        browser.shot("apps");
    }

    @Test
    @Order(5)
    void aHookCreatedOnThePageShowsSignedAndForgedDeliveriesLiveAndInItsLists() throws Exception {
        signIn();
        String user = user("live");
        browser.go(console + "#/hooks");
        browser.visible("#create-app").sendKeys("github");
        browser.driver.findElement(By.id("create-webhook")).sendKeys("repository");
        browser.driver.findElement(By.id("create-user")).sendKeys(user);
        WebElement parameters = browser.driver.findElement(By.id("create-parameters"));
        parameters.clear();
        parameters.sendKeys("{\"secret\": \"" + SECRET + "\"}");
        browser.driver.findElement(By.id("create-hook")).click();
        String url = browser.visible("#created-hook-url").getText();
        String hookId = url.substring(url.lastIndexOf('/') + 1);
        browser.containing("#hook-list td", hookId);
        browser.shot("hooks");

        browser.visible("#created-hook-link").click();
        browser.visible("#live-tail");
        browser.containing("#tail-state", "live");

        // the tail follows from the moment it is opened: send until it shows one
        String body = "{\"ref\":\"refs/heads/console\"}";
        untilShown("#live-tail li.request", "signature_refused", () -> forged(url, body, "x"));
        String eventId =
                untilShown(
                        "#live-tail li.outcome",
                        "delivered",
                        () -> signed(url, body, "pushed through the console"));
        browser.containing("#event-list td", eventId);
        browser.containing("#request-log td", "signature_refused");
        WebElement reason = browser.containing("#request-log .reason", "signature");
        assertThat(reason.getText()).isNotBlank();
        browser.shot("hook");

        browser.driver.findElement(By.linkText(eventId)).click();
        browser.containing("#event-request", "POST");
        browser.containing("main .bundles", eventId + ":0:" + hookId);
        // masked: the signature is never shown
        assertThat(browser.visible("#event-request").getText())
                .contains("x-hub-signature-256")
                .contains("********");
        browser.shot("event");
    }

    @Test
    @Order(6)
    void whatStrangersSentIsShownAsInertText() throws Exception {
        signIn();
        JsonNode hook =
                hs.createHook(
                        "github", "repository", user("xss"), "{\"secret\":\"" + SECRET + "\"}");
        String hookId = hook.get("hookId").asString();
        String url = hook.get("url").asString();

        browser.go(console + "#/hooks/" + hookId);
        browser.containing("#tail-state", "live");
        HttpResponse<String> refused = forged(url, IMG_PAYLOAD, SCRIPT_PAYLOAD);
        assertThat(refused.statusCode()).isEqualTo(401);
        String body = "{\"note\":\"" + IMG_PAYLOAD + "\"}";
        String eventId = eventId(signed(url, body, SCRIPT_PAYLOAD));

        browser.driver.findElement(By.id("hook-refresh")).click();
        browser.containing("#request-log", IMG_PAYLOAD);
        WebElement detail = browser.driver.findElement(By.cssSelector("#request-log details"));
        detail.findElement(By.tagName("summary")).click();
        assertThat(detail.findElement(By.cssSelector("pre.body")).getText()).isEqualTo(IMG_PAYLOAD);
        assertThat(detail.findElement(By.cssSelector(".headers")).getText())
                .contains(SCRIPT_PAYLOAD);
        assertInert();
        browser.driver.executeScript(
                "arguments[0].scrollIntoView({block: 'end'})",
                detail.findElement(By.cssSelector("pre.body")));
        browser.shot("xss");

        browser.go(console + "#/events/" + eventId);
        WebElement request = browser.containing("#event-request", SCRIPT_PAYLOAD);
        assertThat(request.getText()).contains(SCRIPT_PAYLOAD);
        assertThat(browser.visible("#event-body").getText()).isEqualTo(body);
        assertInert();
    }

    @Test
    @Order(7)
    void aBrokenSpecsDeadLetterIsShownThenRedrivenFromThePageAfterTheFixAndDelivered()
            throws Exception {
        signIn();
        JsonNode hook = hs.createHook("console-shop", "orders", user("dead"), "{}");
        String hookId = hook.get("hookId").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));
        String eventId =
                eventId(
                        hs.send(
                                "POST",
                                hook.get("url").asString(),
                                "application/json",
                                "{\"items\":\"not a list\"}"));

        // opened the moment it was accepted, before the router has told its outcome: the page
        // asks again until the outcome is known
        browser.go(console + "#/events/" + eventId);
        browser.containing("main .event-error", "WEBHOOK-ITERATE");
        browser.go(console + "#/hooks/" + hookId);
        WebElement row = browser.containing("#event-list tr", eventId);
        browser.wait.until(d -> row.getText().contains("dead_letter"));
        assertThat(row.getText()).contains("WEBHOOK-ITERATE").contains("iterate");

        // listed with its group and detail
        browser.go(console + "#/dead-letters?hookId=" + hookId);
        WebElement letter = browser.containing("#dl-list tr", "WEBHOOK-ITERATE");
        assertThat(letter.getText()).contains("iterate");
        browser.containing("#dl-groups td", "WEBHOOK-ITERATE");
        browser.shot("dead-letters");
        letter.findElement(By.linkText("Detail")).click();
        browser.containing("#dl-request", "not a list");
        assertThat(browser.visible("main .event-error").getText()).contains("WEBHOOK-ITERATE");
        browser.shot("dead-letter");

        // the spec fixed on the Apps page, then the dead letter redriven from its page
        browser.go(console + "#/apps/console-shop");
        WebElement editor = browser.visible("#app-definition");
        browser.wait.until(d -> editor.getDomProperty("value").contains("iterate"));
        editor.clear();
        editor.sendKeys(
                "{\"name\": \"Console shop\", \"webhooks\": {\"orders\": {\"type\": \"dedicated\","
                        + " \"spec\": {\"output\": {\"items\": \"{{body.items}}\"}}}}}");
        browser.driver.findElement(By.id("save-app")).click();
        browser.containing("#status", "Saved console-shop, version 2");
        redriveFromThePageUntilDelivered(hookId, eventId);
    }

    /**
     * The router learns of the fix from the apps topic independently of the replay topic: a
     * redriven event that overtook the fix fails again as a new dead letter, which the next redrive
     * from the page picks up.
     */
    private static void redriveFromThePageUntilDelivered(String hookId, String eventId)
            throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            browser.go(console + "#/dead-letters?hookId=" + hookId);
            browser.visible("#dl-dry-run").click();
            WebElement count = browser.visible("#dl-count");
            assertThat(count.getText()).contains("1 to redrive");
            if (attempt == 0) {
                browser.shot("redrive");
            }
            browser.visible("#dl-redrive-all").click();
            browser.containing("#dl-result", "done: 1 redriven");
            browser.go(console + "#/hooks/" + hookId);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(
                                browser.driver, Duration.ofSeconds(20))
                        .until(
                                d ->
                                        d.findElements(By.cssSelector("#event-list tr")).stream()
                                                .anyMatch(
                                                        r ->
                                                                r.getText().contains(eventId)
                                                                        && r.getText()
                                                                                .contains(
                                                                                        "delivered")));
                return;
            } catch (org.openqa.selenium.TimeoutException failedAgain) {
                // it overtook the fix: redrive the new dead letter
            }
        }
        throw new AssertionError("the redriven event was not delivered");
    }

    @Test
    @Order(8)
    void theOverviewChartsTheTrafficAndConnectionsShowTheirUid() throws Exception {
        signIn();
        String user = user("conn");
        HttpResponse<String> created =
                hs.control(
                        "POST",
                        "/api/connections",
                        "{\"appId\":\"slack\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\"xoxb-console\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String connectionId =
                RunningSystem.JSON.readTree(created.body()).get("connectionId").asString();

        browser.go(console + "#/overview");
        browser.visible("#traffic-chart canvas");
        browser.wait.until(d -> !browser.visible("#card-accepted .value").getText().equals("0"));
        assertThat(Long.parseLong(browser.visible("#card-refused .value").getText())).isPositive();
        browser.shot("overview");

        browser.go(console + "#/connections");
        WebElement row = browser.containing("#connection-list tr", connectionId);
        assertThat(row.getText()).contains("T1").contains("valid");
        row.findElement(By.tagName("button")).click();
        browser.containing("#status", connectionId + ": valid, uid T1");
        browser.shot("connections");
    }

    @Test
    @Order(9)
    void theHooksPageFitsANarrowScreenAndIsUsedByKeyboard() throws Exception {
        signIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.go(console + "#/hooks");
        browser.visible("#hook-list table");
        Long overflow =
                (Long)
                        browser.driver.executeScript(
                                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        browser.shot("hooks-narrow");

        // every control has a label
        assertThat(unlabelledControls()).isZero();
        // the navigation is reached and followed by keyboard
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.go(console + "#/hooks");
        browser.visible("#hook-list table");
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 10; i++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if ("Connections".equals(focused.getText())) {
                focused.sendKeys(Keys.ENTER);
                break;
            }
            focused.sendKeys(Keys.TAB);
        }
        browser.visible("#connection-list");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/connections");
    }

    @Test
    @Order(10)
    void aHooksWindowIsCountedOnTheReplayPageThenReplayedAndDeliveredAgain() throws Exception {
        signIn();
        HttpResponse<String> app =
                hs.control(
                        "PUT",
                        "/api/apps/console-replay",
                        "{\"name\": \"Replayed\", \"webhooks\": {\"orders\": {\"type\":"
                                + " \"dedicated\", \"spec\": {\"output\": {\"items\":"
                                + " \"{{body.items}}\"}}}}}");
        assertThat(app.statusCode()).as(app.body()).isIn(200, 201);
        String user = user("replay");
        JsonNode hook = hs.createHook("console-replay", "orders", user, "{}");
        String hookId = hook.get("hookId").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> accepted =
                    hs.send(
                            "POST",
                            hook.get("url").asString(),
                            "application/json",
                            "{\"items\":[" + i + "]}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        }
        List<String> first = bundleIds(user, 2);
        assertThat(first).hasSize(2);

        // reached from the hook's page, with the hook filled in
        browser.go(console + "#/hooks/" + hookId);
        browser.visible("#hook-replay").click();
        assertThat(browser.visible("#replay-hook").getDomProperty("value")).isEqualTo(hookId);
        assertThat(unlabelledControls()).isZero();
        browser.visible("#replay-count").click();
        browser.containing("#replay-counted", "2 events match");
        browser.shot("replay");
        browser.visible("#replay-run").click();
        browser.containing("#replay-summary", "done: 2 replayed of 2 matched");

        List<String> twice = new ArrayList<>(first);
        twice.addAll(first);
        assertThat(bundleIds(user, 4)).containsExactlyInAnyOrderElementsOf(twice);
    }

    private static long unlabelledControls() {
        return (Long)
                browser.driver.executeScript(
                        "return [...document.querySelectorAll('main input, main select,"
                                + " main textarea')].filter(e => !e.labels ||"
                                + " e.labels.length === 0).length");
    }

    private static List<String> bundleIds(String user, int expected) {
        return hs
                .read(
                        "hookstream.triggers." + user,
                        new BundleReader(),
                        expected,
                        Duration.ofSeconds(30))
                .stream()
                .map(record -> record.value().bundleId())
                .toList();
    }

    @Test
    @Order(20)
    void noPageBrokeThePolicyAndSigningOutEndsTheSession() throws Exception {
        signIn();
        List<LogEntry> violations =
                browser.manage().logs().get("browser").getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                        .filter(e -> e.getMessage().contains("Content Security Policy"))
                        .toList();
        assertThat(violations).isEmpty();

        String session = sessionCookie();
        browser.go(console + "#/overview");
        browser.visible("#logout").click();
        browser.visible("#token");
        assertThat(get("/api/hooks?limit=1", session).statusCode()).isEqualTo(401);
        assertThat(get("/console/", session).statusCode()).isEqualTo(303);
    }

    private static void signIn() {
        browser.go(console);
        if (browser.driver.getCurrentUrl().endsWith("/console/login")
                || !browser.driver.findElements(By.id("token")).isEmpty()) {
            browser.visible("#token").sendKeys(RunningSystem.TOKEN, Keys.ENTER);
        }
        browser.visible("#main h1");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/console/"));
    }

    private static void assertInert() {
        assertThatThrownBy(() -> browser.driver.switchTo().alert())
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.findElements(By.cssSelector("#main img, #main script")))
                .isEmpty();
    }

    private static String sessionCookie() {
        return browser.manage().getCookieNamed("hookstream_console").getValue();
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(hs.system.controlUrl() + path))
                        .timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", "hookstream_console=" + session);
        }
        return hs.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String session, String csrf)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(hs.system.controlUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", "hookstream_console=" + session);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return hs.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> forged(String url, String body, String note)
            throws Exception {
        return hs.send(
                "POST",
                url,
                "application/json",
                body,
                "X-GitHub-Event",
                "push",
                "X-Note",
                note,
                "X-Hub-Signature-256",
                "sha256=" + "0".repeat(64));
    }

    private static HttpResponse<String> signed(String url, String body, String note)
            throws Exception {
        HttpResponse<String> answer =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        UUID.randomUUID().toString(),
                        "X-Note",
                        note,
                        "X-Hub-Signature-256",
                        "sha256=" + ProviderWebhooksTest.hmacHex(SECRET, body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static String eventId(HttpResponse<String> answer) {
        return answer.headers().firstValue("hookstream-event-id").orElseThrow();
    }

    /**
     * Sends until an entry of {@code css} with {@code marker} is on the page; answers the event id
     * of the last send that was accepted (or null).
     */
    private static String untilShown(
            String css, String marker, java.util.concurrent.Callable<HttpResponse<String>> send)
            throws Exception {
        String lastEvent = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            HttpResponse<String> answer = send.call();
            lastEvent = answer.headers().firstValue("hookstream-event-id").orElse(lastEvent);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(
                                browser.driver, Duration.ofSeconds(3))
                        .until(
                                d ->
                                        d.findElements(By.cssSelector(css)).stream()
                                                .anyMatch(e -> e.getText().contains(marker)));
                return lastEvent;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // the tail's reader may not have joined the topics yet: send again
            }
        }
        throw new AssertionError("the live tail showed no " + marker);
    }

    private static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's login over plain HTTP, as a browser speaks it: the form post, the cookie's
 * attributes, the session's CSRF token, logout, and a login posted from another site.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1",
            "group.initial.rebalance.delay.ms=0"
        })
class ConsoleLoginTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static RunningControlPlane control;

    @BeforeAll
    static void start() {
        control =
                RunningControlPlane.start(EmbeddedKafkaCondition.getBroker().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
    }

    @Test
    void theRightTokenOpensASessionInAnHttpOnlyStrictCookieAndAWrongOneDoesNot() throws Exception {
        HttpResponse<String> wrong = login("token=wrong", "same-origin");
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(wrong.headers().firstValue("Location")).hasValue("/console/login?failed");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = login("token=" + RunningControlPlane.TOKEN, "same-origin");
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/console/");
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("hookstream_console=")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain(RunningControlPlane.TOKEN, "Max-Age", "Expires");
        String session = cookie.substring(0, cookie.indexOf(';'));

        assertThat(send("GET", "/console/", session, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/apps", session, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/console/", null, null, null).statusCode()).isEqualTo(303);
        assertThat(send("GET", "/api/apps", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionChangesNothingWithoutItsCsrfTokenAndLogsOutOnlyWithIt() throws Exception {
        String session = signIn();
        HttpResponse<String> info = send("GET", "/console/session", session, null, null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.headers().firstValue("Cache-Control")).hasValue("no-store");
        String csrf = JSON.readTree(info.body()).get("csrfToken").asString();
        String app = "{\"webhooks\": {\"w\": {\"type\": \"dedicated\", \"spec\": {}}}}";

        HttpResponse<String> refused = send("PUT", "/api/apps/console-csrf", session, null, app);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("X-CSRF-Token");
        assertThat(control.get("/api/apps/console-csrf").status()).isEqualTo(404);
        assertThat(send("PUT", "/api/apps/console-csrf", session, csrf, app).statusCode())
                .isEqualTo(201);

        assertThat(send("POST", "/console/logout", session, null, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> logout = send("POST", "/console/logout", session, csrf, null);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("hookstream_console=;")
                .contains("Max-Age=0");
        assertThat(send("GET", "/api/apps", session, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/console/session", session, null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> crossSite = login("token=" + RunningControlPlane.TOKEN, "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theLoginPageCarriesThePolicyAndTheApiStillTakesTheBearerToken() throws Exception {
        HttpResponse<String> page = send("GET", "/console/login", null, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'; script-src 'self'; style-src 'self';")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // bearer clients are not asked for a CSRF token
        assertThat(
                        control.put(
                                        "/api/apps/console-bearer",
                                        "{\"webhooks\": {\"w\": {\"type\": \"dedicated\", \"spec\": {}}}}")
                                .status())
                .isEqualTo(201);
    }

    private static String signIn() throws Exception {
        String cookie =
                login("token=" + RunningControlPlane.TOKEN, "same-origin")
                        .headers()
                        .firstValue("Set-Cookie")
                        .orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<String> login(String form, String fetchSite) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(control.baseUrl() + "/console/login"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Sec-Fetch-Site", fetchSite)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(
            String method, String path, String cookie, String csrf, String json) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(control.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

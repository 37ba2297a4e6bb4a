package io.hookstream.webhook.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jspecify.annotations.Nullable;

/**
 * Whatever a sender puts in a body, under whatever content type, the parser answers a {@link
 * ParsedRequest}: it never throws and never overflows the stack. Bodies are generated per shape
 * (JSON-like token soup, deep nesting, form, multipart, XML-ish, raw bytes including invalid UTF-8)
 * and paired with matching, mismatched and broken content types. Parsing runs on a worker thread
 * with the JVM's default stack, under a hang guard.
 */
class RequestParserFuzzTest {

    private static final long GUARD_SECONDS = 10;
    private static final RequestParser PARSER = new RequestParser();
    private static final ExecutorService WORKER =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "request-fuzz");
                        t.setDaemon(true);
                        return t;
                    });

    @AfterContainer
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    @Property(tries = 6000)
    void anyBodyUnderAnyContentTypeIsParsed(
            @ForAll("contentTypes") @Nullable String contentType,
            @ForAll("bodies") byte[] body,
            @ForAll("queries") String query) {
        WebhookRequest request =
                new WebhookRequest(
                        "POST",
                        "/hooks/h1",
                        contentType == null
                                ? Headers.empty()
                                : Headers.of(Map.of("Content-Type", contentType)),
                        query,
                        contentType,
                        body,
                        Instant.parse("2026-03-01T12:00:00Z"));
        ParsedRequest parsed = parse(request);
        assertThat(parsed.body()).isNotNull();
        assertThat(parsed.rawBody()).isNotNull();
        assertThat(parsed.flags()).isNotNull();
    }

    @Property(tries = 4000)
    void deeplyNestedBodiesAreParsedWithoutStackOverflow(
            @ForAll("deepBodies") byte[] body, @ForAll("nestingContentTypes") String contentType) {
        ParsedRequest parsed =
                parse(
                        new WebhookRequest(
                                "POST",
                                "/hooks/h1",
                                Headers.of(Map.of("Content-Type", contentType)),
                                "",
                                contentType,
                                body,
                                Instant.parse("2026-03-01T12:00:00Z")));
        assertThat(parsed.body()).isNotNull();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/json; charset=utf-8",
                        "application/json; charset=latin1",
                        "application/vnd.api+json",
                        "text/json",
                        "application/x-www-form-urlencoded",
                        "application/x-www-form-urlencoded; charset=utf-8",
                        "multipart/form-data; boundary=XYZ",
                        "multipart/form-data; boundary=\"a b\"",
                        "multipart/form-data",
                        "multipart/form-data; boundary=",
                        "text/plain",
                        "text/plain; charset=utf-16",
                        "text/xml",
                        "application/xml",
                        "application/soap+xml",
                        "application/octet-stream",
                        "image/png",
                        "",
                        ";",
                        ";;;",
                        "application/",
                        "/",
                        "garbage",
                        "application/json; charset=\u0000",
                        "APPLICATION/JSON",
                        "text/html; charset=nonexistent-charset"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> nestingContentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=XYZ",
                "text/plain");
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "a=1",
                        "a=1&a=2",
                        "a[b]=1&a[c][d]=2",
                        "%",
                        "%zz=%E2%82",
                        "=&=&",
                        "a=%00",
                        "x=" + "[".repeat(500)),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                jsonSoup().map(utf8()),
                form().map(utf8()),
                multipart().map(utf8()),
                xmlSoup().map(utf8()),
                Arbitraries.strings().ofMaxLength(200).map(utf8()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of(
                        new byte[0],
                        new byte[] {(byte) 0xC3},
                        new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0x7B},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        "{\"a\":\"\\uD800\"}".getBytes(StandardCharsets.UTF_8),
                        "\uFEFF{\"bom\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<byte[]> deepBodies() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 20_000);
        Arbitrary<String> shape = Arbitraries.of("[", "{\"a\":", "<a>", "a[", "[{\"x\":[");
        return Combinators.combine(depth, shape, Arbitraries.of(true, false))
                .as(
                        (n, open, closed) -> {
                            StringBuilder body = new StringBuilder(open.repeat(n)).append('1');
                            if (closed) {
                                String close =
                                        switch (open) {
                                            case "[" -> "]";
                                            case "{\"a\":" -> "}";
                                            case "<a>" -> "</a>";
                                            case "a[" -> "]=1";
                                            default -> "]}]";
                                        };
                                body.append(close.repeat(n));
                            }
                            return body.toString().getBytes(StandardCharsets.UTF_8);
                        });
    }

    private static Arbitrary<String> jsonSoup() {
        Arbitrary<String> token =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{",
                                "}",
                                "[",
                                "]",
                                ":",
                                ",",
                                "\"",
                                "\"k\"",
                                "\"v\"",
                                "true",
                                "false",
                                "null",
                                "0",
                                "-0",
                                "1e999",
                                "1.0e-999",
                                "12345678901234567890123456789",
                                "0.1",
                                "NaN",
                                "Infinity",
                                "\\u0000",
                                "\\uD800",
                                "\\",
                                "\n",
                                " ",
                                "//",
                                "/*",
                                "'",
                                "\u00e9",
                                "😀"),
                        Arbitraries.strings().ofMaxLength(4));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    private static Arbitrary<String> form() {
        Arbitrary<String> part =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "a=1",
                                "a=",
                                "=1",
                                "a",
                                "a[]=1",
                                "a[b][c]=2",
                                "a[0]=x",
                                "a[=1",
                                "%",
                                "%2",
                                "%zz",
                                "%E2%82%AC",
                                "%C3",
                                "+",
                                "a=b=c",
                                "a[b]=1&a=2",
                                "a=1&a[b]=2"),
                        Arbitraries.strings().ofMaxLength(8));
        return part.list().ofMaxSize(20).map(parts -> String.join("&", parts));
    }

    private static Arbitrary<String> multipart() {
        Arbitrary<String> piece =
                Arbitraries.of(
                        "--XYZ\r\n",
                        "--XYZ--\r\n",
                        "--XYZ--",
                        "Content-Disposition: form-data; name=\"a\"\r\n",
                        "Content-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n",
                        "Content-Type: application/json\r\n",
                        "Content-Disposition: form-data\r\n",
                        "Content-Disposition: ; name=\r\n",
                        "\r\n",
                        "value",
                        "\u0000",
                        "--",
                        "XYZ");
        return piece.list().ofMaxSize(25).map(pieces -> String.join("", pieces));
    }

    private static Arbitrary<String> xmlSoup() {
        Arbitrary<String> token =
                Arbitraries.of(
                        "<a>",
                        "</a>",
                        "<b x=\"1\">",
                        "</b>",
                        "<?xml version=\"1.0\"?>",
                        "<!DOCTYPE a [",
                        "<!ENTITY e \"x\">",
                        "]>",
                        "&e;",
                        "&amp;",
                        "&#0;",
                        "<![CDATA[",
                        "]]>",
                        "<!--",
                        "-->",
                        "text",
                        "<",
                        ">",
                        "\"",
                        "/>");
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    private static java.util.function.Function<String, byte[]> utf8() {
        return s -> s.getBytes(StandardCharsets.UTF_8);
    }

    private static ParsedRequest parse(WebhookRequest request) {
        Future<ParsedRequest> parsed = WORKER.submit(() -> PARSER.parse(request));
        try {
            return parsed.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            parsed.cancel(true);
            throw new AssertionError(
                    "no answer within " + GUARD_SECONDS + "s for " + describe(request));
        } catch (ExecutionException e) {
            throw new AssertionError("the parser threw for " + describe(request), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String describe(WebhookRequest request) {
        byte[] body = request.body();
        List<String> shown = new ArrayList<>();
        shown.add("content type " + request.contentType());
        shown.add(body.length + " body bytes");
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        shown.add("starting " + text);
        return String.join(", ", shown);
    }
}

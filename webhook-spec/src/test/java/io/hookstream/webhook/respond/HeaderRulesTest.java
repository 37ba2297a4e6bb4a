package io.hookstream.webhook.respond;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderRulesTest {

    @Test
    void ordinaryHeadersPass() {
        assertThat(HeaderRules.problem("X-Hook-Secret", "abc def\tghi")).isNull();
        assertThat(HeaderRules.problem("X-Content-Type-Options", "nosniff")).isNull();
    }

    @Test
    void crOrLfInAValueIsRefusedWithoutEchoingIt() {
        String problem = HeaderRules.problem("X-Echo", "ok\r\nSet-Cookie: session=stolen");
        assertThat(problem).contains("CR or LF").doesNotContain("stolen");
        assertThat(HeaderRules.problem("X-Echo", "a\nb")).isNotNull();
        assertThat(HeaderRules.problem("X-Echo", "a\u0000b")).contains("control character");
    }

    @Test
    void namesMustBeTokens() {
        assertThat(HeaderRules.problem("", "v")).isNotNull();
        assertThat(HeaderRules.problem("Bad Name", "v")).isNotNull();
        assertThat(HeaderRules.problem("Bad:Name", "v")).isNotNull();
        assertThat(HeaderRules.problem("X-\r\nInjected", "v"))
                .contains("\\u000d")
                .doesNotContain("\r");
    }
}

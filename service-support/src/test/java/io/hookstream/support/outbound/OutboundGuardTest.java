package io.hookstream.support.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    @Test
    void followsOnlyHttpLocations() {
        assertThat(OutboundGuard.isHttp("https://api.example.com/x")).isTrue();
        assertThat(OutboundGuard.isHttp("HTTP://api.example.com/x")).isTrue();
        assertThat(OutboundGuard.isHttp("/relative/path?q=1")).isTrue();
        assertThat(OutboundGuard.isHttp("file:///etc/passwd")).isFalse();
        assertThat(OutboundGuard.isHttp("gopher://127.0.0.1:6379/_INFO")).isFalse();
        assertThat(OutboundGuard.isHttp("ftp://example.com/")).isFalse();
        assertThat(OutboundGuard.isHttp("jar:http://x!/y")).isFalse();
        assertThat(OutboundGuard.isHttp("http://bad host/")).isFalse();
        assertThat(OutboundGuard.isHttp("")).isFalse();
        assertThat(OutboundGuard.isHttp(null)).isFalse();
    }
}

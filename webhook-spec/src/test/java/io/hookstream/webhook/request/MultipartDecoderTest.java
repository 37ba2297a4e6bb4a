package io.hookstream.webhook.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartDecoderTest {

    @Test
    void readsFieldsAndFilesWithCrlfLineEnds() throws Exception {
        String body =
                "preamble\r\n--XyZ\r\n"
                        + "Content-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
                        + "--XyZ\r\n"
                        + "Content-Disposition: form-data; name=\"doc\"; filename=\"a;b.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                        + "line1\r\nline2\r\n"
                        + "--XyZ--\r\nepilogue";

        List<MultipartDecoder.Part> parts = MultipartDecoder.decode(bytes(body), "XyZ");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("title");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(parts.get(1).filename()).isEqualTo("a;b.txt");
        assertThat(parts.get(1).contentType()).isEqualTo("text/plain");
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8))
                .isEqualTo("line1\r\nline2");
    }

    @Test
    void acceptsBareLineFeedsAndExtendedFilenames() throws Exception {
        String body =
                "--b\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''na%C3%AFve.txt\n\n\nx\n--b--";

        List<MultipartDecoder.Part> parts = MultipartDecoder.decode(bytes(body), "b");

        assertThat(parts)
                .singleElement()
                .satisfies(
                        part -> {
                            assertThat(part.filename()).isEqualTo("naïve.txt");
                            // the blank line after the headers ends them; the next line feed
                            // belongs to the content
                            assertThat(new String(part.content(), StandardCharsets.UTF_8))
                                    .isEqualTo("\nx");
                        });
    }

    @Test
    void aDelimiterInsideContentCountsOnlyAtTheStartOfALine() throws Exception {
        String body =
                "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nvalue --b inside\r\n--b--";

        assertThat(MultipartDecoder.decode(bytes(body), "b").get(0).content())
                .isEqualTo(bytes("value --b inside"));
    }

    @Test
    void rejectsABodyWithoutClosingDelimiter() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ntruncated";

        assertThatThrownBy(() -> MultipartDecoder.decode(bytes(body), "b"))
                .isInstanceOf(MultipartDecoder.MalformedMultipartException.class);
    }

    @Test
    void rejectsABodyWithoutOpeningDelimiterAndOverlongBoundaries() {
        assertThatThrownBy(() -> MultipartDecoder.decode(bytes("just text"), "b"))
                .isInstanceOf(MultipartDecoder.MalformedMultipartException.class);
        assertThatThrownBy(() -> MultipartDecoder.decode(bytes("x"), "b".repeat(71)))
                .isInstanceOf(MultipartDecoder.MalformedMultipartException.class);
    }

    @Test
    void partsWithoutANameAreSkipped() throws Exception {
        String body = "--b\r\nContent-Type: text/plain\r\n\r\nanonymous\r\n--b--";

        assertThat(MultipartDecoder.decode(bytes(body), "b")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

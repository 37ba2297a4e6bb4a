package io.hookstream.iml.func;

import static io.hookstream.iml.func.FunctionTestSupport.error;
import static io.hookstream.iml.func.FunctionTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.Values;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFunctionsTest {

    @Test
    void missingTextPropagates() {
        for (String f :
                new String[] {
                    "lower",
                    "upper",
                    "trim",
                    "capitalize",
                    "startcase",
                    "escapeHTML",
                    "escapeMarkdown",
                    "stripHTML",
                    "encodeURL",
                    "decodeURL",
                    "mime"
                }) {
            assertThat(eval("{{" + f + "(body.x)}}", "{\"body\":{}}"))
                    .as(f)
                    .isEqualTo(Values.UNDEFINED);
            assertThat(eval("{{" + f + "(null)}}")).as(f).isEqualTo(Values.NULL);
        }
        assertThat(eval("{{md5(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{toBinary(null)}}")).isEqualTo(Values.NULL);
        assertThat(eval("{{toString(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.text(""));
        assertThat(eval("{{length(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.number(0));
    }

    @Test
    void nonTextArgumentsAreCoercedToText() {
        assertThat(eval("{{upper(true)}}")).isEqualTo(Values.text("TRUE"));
        assertThat(eval("{{substring(12345, 1, 3)}}")).isEqualTo(Values.text("23"));
        assertThat(eval("{{lower(now)}}")).isEqualTo(Values.text("2020-01-01t00:00:00.000z"));
        assertThat(eval("{{split(body.a, ',')}}", "{\"body\":{\"a\":[\"x\",\"y\"]}}"))
                .isEqualTo(Values.array(java.util.List.of(Values.text("x"), Values.text("y"))));
    }

    @Test
    void numberArgumentMustBeNumeric() {
        ImlException e = error("{{substring('abc', 'x')}}");
        assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 23));
        assertThat(e.args()).containsExactly("substring", "2 (start)", "a number", "text");
    }

    @Test
    void arity() {
        assertThat(error("{{replace('a', 'b')}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{sha256('a', 'hex', 'k', 'text', 'x')}}").code())
                .isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void hmacOfBufferWithBufferKey() {
        String expected = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        assertThat(
                        eval(
                                "{{sha256(toBinary(body.m), 'hex', toBinary('key'))}}",
                                "{\"body\":{\"m\":\"The quick brown fox jumps over the lazy dog\"}}"))
                .isEqualTo(Values.text(expected));
        assertThat(eval("{{sha256('x', 'hex', '')}}"))
                .isEqualTo(eval("{{sha256('x', 'hex', '00', 'hex')}}"));
        assertThat(eval("{{md5('Make', 'base64')}}"))
                .isEqualTo(Values.text("UpoFymwSY6qwgOxPIHVEEQ=="));
    }

    @Test
    void badKeyEncodingIsReported() {
        ImlException e = error("{{sha1('a', 'hex', 'k', 'rot13')}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
        assertThat(e.span().start()).isEqualTo(2);
        assertThat(error("{{sha1('a', 'hex', 'zz', 'hex')}}").code())
                .isEqualTo(ErrorCode.INVALID_ENCODED_DATA);
    }

    @Test
    void latin1DigestAndBinaryRoundTrip() {
        BufferValue b = (BufferValue) eval("{{toBinary(sha1('a', 'latin1'), 'latin1')}}");
        assertThat(b.length()).isEqualTo(20);
        assertThat(eval("{{toString(toBinary('c3a9', 'hex'))}}")).isEqualTo(Values.text("é"));
        assertThat(((BufferValue) eval("{{toBinary('é')}}")).bytes())
                .isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replaceRejectsLookaroundsThatRe2CannotRun() {
        ImlException e = error("{{replace('ab', '/a(?=b)/', '')}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REGEX);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 31));
    }

    @Test
    void replaceKeepsUnknownDollarReferences() {
        assertThat(eval("{{replace('abc', '/(b)/', '$2$1$x')}}")).isEqualTo(Values.text("a$2b$xc"));
        assertThat(eval("{{replace('abc', '/b/', '[$`|$\\'|$&]')}}"))
                .isEqualTo(Values.text("a[a|c|b]c"));
        assertThat(eval("{{replace('aXbX', 'X', '$&$&')}}")).isEqualTo(Values.text("aXXbXX"));
    }

    @Test
    void encodeUrlRejectsLoneSurrogates() {
        assertThat(error("{{encodeURL(body.s)}}", "{\"body\":{\"s\":\"\\ud800\"}}").code())
                .isEqualTo(ErrorCode.MALFORMED_URI);
    }

    @Test
    void splitOnEmptySeparatorSplitsCharacters() {
        assertThat(eval("{{join(split('ab c', ''), '|')}}")).isEqualTo(Values.text("a|b|c"));
    }
}

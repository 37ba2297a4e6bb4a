package io.hookstream.iml.func;

import static io.hookstream.iml.func.FunctionTestSupport.error;
import static io.hookstream.iml.func.FunctionTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayFunctionsTest {

    private static Value list(Object... items) {
        return Values.array(
                java.util.Arrays.stream(items)
                        .map(
                                o ->
                                        o instanceof Integer
                                                ? Values.number((Integer) o)
                                                : Values.text((String) o))
                        .toList());
    }

    @Test
    void nonArraysAreWrapped() {
        assertThat(eval("{{reverse('a')}}")).isEqualTo(list("a"));
        assertThat(eval("{{join(5, '-')}}")).isEqualTo(Values.text("5"));
        assertThat(eval("{{length(merge(1, body.a))}}", "{\"body\":{\"a\":[2,3]}}"))
                .isEqualTo(Values.number(3));
    }

    @Test
    void missingArraysPropagate() {
        for (String call :
                new String[] {
                    "reverse(body.x)",
                    "first(body.x)",
                    "sort(body.x)",
                    "distinct(body.x)",
                    "slice(body.x, 1)",
                    "map(body.x, 'a')",
                    "flatten(body.x)"
                }) {
            assertThat(eval("{{" + call + "}}", "{\"body\":{}}"))
                    .as(call)
                    .isEqualTo(Values.UNDEFINED);
        }
    }

    @Test
    void inputsAreNotModified() {
        String vars = "{\"body\":{\"a\":[3,1,2]}}";
        assertThat(
                        eval(
                                "{{join(sort(body.a), '')}}{{join(body.a, '')}}{{join(reverse(body.a), '')}}",
                                vars))
                .isEqualTo(Values.text("123312213"));
    }

    @Test
    void sortMixedTypesPutsNumbersFirstAndMissingLast() {
        assertThat(eval("{{sort(body.a)}}", "{\"body\":{\"a\":[\"b\",null,2,\"a\",1]}}"))
                .isEqualTo(
                        Values.array(
                                List.of(
                                        Values.number(1),
                                        Values.number(2),
                                        Values.text("a"),
                                        Values.text("b"),
                                        Values.NULL)));
    }

    @Test
    void sortByDateKey() {
        assertThat(
                        eval(
                                "{{map(sort(body.e, 'desc', 'at'), 'id')}}",
                                "{\"body\":{\"e\":[{\"id\":1,\"at\":{\"$date\":\"2020-01-01T00:00:00Z\"}},"
                                        + "{\"id\":2,\"at\":{\"$date\":\"2021-01-01T00:00:00Z\"}}]}}"))
                .isEqualTo(list(2, 1));
    }

    @Test
    void keysAndToArrayNeedObjects() {
        ImlException e = error("{{toArray(body.a)}}", "{\"body\":{\"a\":[1]}}");
        assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 17));
    }

    @Test
    void arity() {
        assertThat(error("{{slice(body.a)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{toCollection(body.a, 'k')}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{first()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void mapFilterAcceptsAnArrayOfValues() {
        assertThat(
                        eval(
                                "{{map(body.e, 'id', 'k', split('a,c', ','))}}",
                                "{\"body\":{\"e\":[{\"id\":1,\"k\":\"a\"},{\"id\":2,\"k\":\"b\"},{\"id\":3,\"k\":\"c\"}]}}"))
                .isEqualTo(list(1, 3));
    }

    @Test
    void shuffleIsAPermutation() {
        Value shuffled = eval("{{shuffle(body.a)}}", "{\"body\":{\"a\":[1,2,3,4,5,6,7,8]}}");
        assertThat(((io.hookstream.iml.value.ArrayValue) shuffled).items())
                .containsExactlyInAnyOrderElementsOf(
                        ((io.hookstream.iml.value.ArrayValue) list(1, 2, 3, 4, 5, 6, 7, 8))
                                .items());
    }
}

package io.hookstream.iml.func;

import static io.hookstream.iml.func.FunctionTestSupport.error;
import static io.hookstream.iml.func.FunctionTestSupport.eval;
import static io.hookstream.iml.func.FunctionTestSupport.evalIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import io.hookstream.iml.value.Values;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateFunctionsTest {

    private static io.hookstream.iml.value.Value date(String iso) {
        return Values.date(Instant.parse(iso));
    }

    @Test
    void formatDateUsesTheEvaluationZoneUnlessOneIsGiven() {
        assertThat(evalIn("Asia/Tokyo", "{{formatDate(now, 'YYYY-MM-DD HH:mm Z')}}"))
                .isEqualTo(Values.text("2020-01-01 09:00 +09:00"));
        assertThat(
                        evalIn(
                                "Asia/Tokyo",
                                "{{formatDate(now, 'YYYY-MM-DD HH:mm', 'America/Los_Angeles')}}"))
                .isEqualTo(Values.text("2019-12-31 16:00"));
        assertThat(evalIn("America/Los_Angeles", "{{formatDate(now, 'X')}}"))
                .isEqualTo(Values.text("1577836800"));
    }

    @Test
    void formatDateEscapesAndOrdinals() {
        assertThat(
                        eval(
                                "{{formatDate('2021-03-03T10:00:00Z', '[Day] Do [of] MMMM, DDDo [day], Qo [quarter]')}}"))
                .isEqualTo(Values.text("Day 3rd of March, 62nd day, 1st quarter"));
        assertThat(eval("{{formatDate('2021-01-11T10:00:00Z', 'Do')}}"))
                .isEqualTo(Values.text("11th"));
    }

    @Test
    void parseDateWallClockFollowsTheZoneIncludingDst() {
        assertThat(evalIn("Europe/Prague", "{{parseDate('2021-07-01 12:00', 'YYYY-MM-DD HH:mm')}}"))
                .isEqualTo(date("2021-07-01T10:00:00Z"));
        assertThat(evalIn("Europe/Prague", "{{parseDate('2021-01-01 12:00', 'YYYY-MM-DD HH:mm')}}"))
                .isEqualTo(date("2021-01-01T11:00:00Z"));
        assertThat(evalIn("Europe/Prague", "{{parseDate('2021-07-01 12:00')}}"))
                .isEqualTo(date("2021-07-01T10:00:00Z"));
    }

    @Test
    void parseDateWithOnlyATimeUsesToday() {
        assertThat(eval("{{parseDate('13:45', 'HH:mm')}}")).isEqualTo(date("2020-01-01T13:45:00Z"));
    }

    @Test
    void parseDateErrorsCarryTheCallSpan() {
        ImlException e =
                error("{{ parseDate(body.d, 'YYYY-MM-DD') }}", "{\"body\":{\"d\":\"tomorrow\"}}");
        assertThat(e.code()).isEqualTo(ErrorCode.DATE_PARSE);
        assertThat(e.span()).isEqualTo(new Span(1, 4, 3, 34));
    }

    @Test
    void missingDatesPropagate() {
        assertThat(eval("{{addDays(body.x, 1)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{parseDate(null)}}")).isEqualTo(Values.NULL);
        assertThat(eval("{{setMonth(body.x, 2)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
    }

    @Test
    void dateArgumentsMustBeDates() {
        ImlException e = error("{{addDays(body.o, 1)}}", "{\"body\":{\"o\":{\"a\":1}}}");
        assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
        assertThat(e.args()).containsExactly("addDays", "1 (date)", "a date", "an object");
        assertThat(error("{{addDays(now)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void setFunctionsWorkInTheZone() {
        // 03:00Z on 1 March is still 28 February, 22:00 in New York: day 1 of February, 22:00 local
        assertThat(evalIn("America/New_York", "{{setDate('2021-03-01T03:00:00Z', 1)}}"))
                .isEqualTo(date("2021-02-02T03:00:00Z"));
        assertThat(evalIn("Europe/Prague", "{{setDay('2021-06-27T23:30:00Z', 'monday')}}"))
                .isEqualTo(date("2021-06-27T23:30:00Z"));
        assertThat(eval("{{setSecond(now, -1)}}")).isEqualTo(date("2019-12-31T23:59:59Z"));
    }

    @Test
    void timezoneArgumentIsValidated() {
        ImlException e = error("{{parseDate('2020-01-01', 'YYYY-MM-DD', 'Nowhere/City')}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMEZONE);
        assertThat(e.span().start()).isEqualTo(2);
    }

    @Test
    void nowIsStableWithinOneEvaluation() {
        io.hookstream.iml.CompiledTemplate t =
                io.hookstream.iml.Iml.standard()
                        .compileString("{{now = now && timestamp = formatDate(now, 'X')}}", "t");
        assertThat(t.evaluate(io.hookstream.iml.EvalContext.empty())).isEqualTo(Values.TRUE);
    }
}

package io.hookstream.ingress.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestLogBudgetTest {

    private static long admitted(
            RequestLogBudget budget, int times, String key, boolean known, long at) {
        return IntStream.range(0, times).filter(i -> budget.admit(key, known, at)).count();
    }

    @Test
    void eachKnownHookHasItsOwnBudgetPerSecond() {
        RequestLogBudget budget = new RequestLogBudget(3, 2, 100);
        assertThat(admitted(budget, 10, "h1", true, 1_000)).isEqualTo(3);
        assertThat(admitted(budget, 10, "h2", true, 1_500)).isEqualTo(3);
        assertThat(admitted(budget, 10, "h1", true, 2_000)).isEqualTo(3);
    }

    @Test
    void unknownHooksShareOneBudgetWhateverTheirIds() {
        RequestLogBudget budget = new RequestLogBudget(3, 2, 100);
        long admitted =
                IntStream.range(0, 1000)
                        .filter(i -> budget.admit("forged-" + i, false, 5_000))
                        .count();
        assertThat(admitted).isEqualTo(2);
        // a known hook keeps its own budget under the flood
        assertThat(admitted(budget, 5, "h1", true, 5_000)).isEqualTo(3);
    }

    @Test
    void theTotalBoundsEverything() {
        RequestLogBudget budget = new RequestLogBudget(3, 2, 10);
        long admitted =
                IntStream.range(0, 100).filter(i -> budget.admit("h" + i, true, 7_000)).count();
        assertThat(admitted).isEqualTo(10);
        assertThat(budget.admit("h-new", true, 8_000)).isTrue();
    }

    @Test
    void aLateRequestOfAnEarlierSecondDoesNotResetTheBudget() {
        RequestLogBudget budget = new RequestLogBudget(1, 1, 10);
        assertThat(budget.admit("h", true, 9_100)).isTrue();
        assertThat(budget.admit("h", true, 8_999)).isFalse();
    }
}

package io.hookstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAtMostTenTimesASecond() {
        Progress progress = Progress.bar(err, nanos::get);

        progress.update(1, 400, 1, 0);
        nanos.addAndGet(100_000_000L);
        progress.update(100, 400, 50, 40);
        nanos.addAndGet(50_000_000L);
        progress.update(150, 400, 70, 60);
        progress.finish(400, 400, 200, 200);

        assertThat(text.toString())
                .isEqualTo(
                        "\r[########......................]  25% scanned 100/400 matched 50 replayed 40   "
                                + "\r[##############################] 100% scanned 400/400 matched 200 replayed 200   "
                                + System.lineSeparator());
    }

    @Test
    void largeCountsAreGroupedAndAnEmptyWindowIsComplete() {
        Progress progress = Progress.bar(err, nanos::get);

        progress.finish(0, 0, 0, 0);

        assertThat(text.toString())
                .startsWith("\r[##############################] 100% scanned 0/0 matched 0");
        assertThat(Progress.bar(err, nanos::get).render(1_234_567, 2_469_134, 1_000, 999))
                .contains(" 50% scanned 1,234,567/2,469,134 matched 1,000 replayed 999");
    }

    @Test
    void elsewhereAPlainLineOfCountsEveryFiveSecondsAndNoFinalBar() {
        Progress progress = Progress.counts(err, nanos::get);

        progress.update(10, 1000, 5, 5);
        nanos.addAndGet(5_000_000_000L);
        progress.update(500, 1000, 250, 240);
        nanos.addAndGet(1_000_000_000L);
        progress.update(600, 1000, 300, 290);
        progress.finish(1000, 1000, 500, 500);

        assertThat(text.toString())
                .isEqualTo(
                        "replay: scanned 500 of 1000, matched 250, replayed 240"
                                + System.lineSeparator());
    }
}

package io.hookstream.iml;

import static io.hookstream.iml.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One compiled template evaluated from many threads with different inputs gives each thread its own
 * result.
 */
class ThreadSafetyTest {

    @Test
    void oneCompiledTemplateEvaluatedConcurrently() throws Exception {
        CompiledTemplate template =
                Iml.standard()
                        .compile(
                                json(
                                        """
                {"id": "{{item.id}}", "label": "Order {{item.id}} for {{upper(item.name)}}",
                 "total": "{{sum(map(item.lines, 'n'))}}", "at": "{{formatDate(addDays(now, item.id), 'YYYY-MM-DD')}}",
                 "{{...}}": "{{pick(item, 'name')}}"}
                """),
                                "out");
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> task =
                        () -> {
                            start.await();
                            int checked = 0;
                            for (int i = 0; i < perThread; i++) {
                                int id = thread * perThread + i;
                                EvalContext base =
                                        EvalContext.builder()
                                                .now(
                                                        java.time.Instant.parse(
                                                                "2020-01-01T00:00:00Z"))
                                                .build();
                                Value out = template.evaluate(base.with("item", item(id)));
                                Map<String, Value> props =
                                        ((io.hookstream.iml.value.ObjectValue) out).props();
                                assertThat(props.get("id")).isEqualTo(Values.number(id));
                                assertThat(props.get("label"))
                                        .isEqualTo(Values.text("Order " + id + " for N" + id));
                                assertThat(props.get("total")).isEqualTo(Values.number(id + 1L));
                                assertThat(props.get("name")).isEqualTo(Values.text("n" + id));
                                assertThat(props.get("at"))
                                        .isEqualTo(
                                                Values.text(
                                                        java.time.LocalDate.of(2020, 1, 1)
                                                                .plusDays(id)
                                                                .toString()));
                                checked++;
                            }
                            return checked;
                        };
                futures.add(pool.submit(task));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Value item(int id) {
        Map<String, Value> line1 = new LinkedHashMap<>();
        line1.put("n", Values.number(id));
        Map<String, Value> line2 = new LinkedHashMap<>();
        line2.put("n", Values.number(1));
        Map<String, Value> item = new LinkedHashMap<>();
        item.put("id", Values.number(id));
        item.put("name", Values.text("n" + id));
        item.put("lines", Values.array(List.of(Values.object(line1), Values.object(line2))));
        return Values.object(item);
    }
}

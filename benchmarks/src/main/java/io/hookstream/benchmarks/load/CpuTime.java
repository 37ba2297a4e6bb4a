package io.hookstream.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * CPU time used so far by this JVM, by its thread groups, and, when its pid is known, by the
 * broker: throughput alone cannot say whether a variant is slower because it does more work per
 * event or because it waits, on a machine the broker shares, which side the work lands on, nor,
 * within this JVM, whether it is the stream threads, their producers or the JVM itself (GC, JIT)
 * that pays.
 *
 * @param self CPU time of this process, in nanoseconds
 * @param broker CPU time of the broker process, in nanoseconds, or -1 when unknown
 * @param threads CPU time of this process's Java threads by group (see {@link #groupOf}), in
 *     nanoseconds
 */
record CpuTime(long self, long broker, Map<String, Long> threads) {

    /** The property that names the broker's pid. */
    static final String BROKER_PID = "bench.broker.pid";

    /**
     * What the process used beyond the groups it names: the VM's other threads, and threads that
     * ended.
     */
    static final String REST = "rest";

    /** Linux's USER_HZ is 100 on every architecture the JDK runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    static CpuTime now() {
        return new CpuTime(cpuOf(ProcessHandle.current()), brokerCpu().orElse(-1), threadCpu());
    }

    /** Microseconds of this process per unit of work since {@code start}. */
    double selfMicrosPer(CpuTime start, long units) {
        return (self - start.self) / 1e3 / units;
    }

    /** Microseconds of the broker per unit of work since {@code start}; -1 when it is not known. */
    double brokerMicrosPer(CpuTime start, long units) {
        return broker < 0 || start.broker < 0 ? -1 : (broker - start.broker) / 1e3 / units;
    }

    /**
     * Microseconds per unit of work since {@code start} by thread group, and {@value #REST} for the
     * rest of the process; a thread that started in between counts from zero, one that ended is
     * left out (and so lands in {@value #REST}). The groups come from two clocks ({@link
     * ThreadMXBean}, {@code /proc}), so the rest can be off by a few ticks.
     */
    Map<String, Double> threadMicrosPer(CpuTime start, long units) {
        Map<String, Double> result = new LinkedHashMap<>();
        long named = 0;
        for (var e : new TreeMap<>(threads).entrySet()) {
            long used = e.getValue() - start.threads.getOrDefault(e.getKey(), 0L);
            named += used;
            result.put(e.getKey(), used / 1e3 / units);
        }
        result.put(REST, (self - start.self - named) / 1e3 / units);
        return result;
    }

    static String json(Map<String, Double> micros) {
        StringBuilder sb = new StringBuilder("{");
        micros.forEach(
                (group, us) ->
                        sb.append(sb.length() > 1 ? "," : "")
                                .append('"')
                                .append(group)
                                .append("\":")
                                .append(String.format(Locale.ROOT, "%.1f", us)));
        return sb.append('}').toString();
    }

    /**
     * Stream threads, the producers' network threads, the global table's thread, {@code main}
     * (which runs the benchmark's counting consumer while the clock runs) and every other Java
     * thread.
     */
    static String groupOf(String threadName) {
        // before the stream threads: a stream thread's producer is named after it
        if (threadName.startsWith("kafka-producer-network-thread")) {
            return "producer_io";
        }
        if (threadName.contains("GlobalStreamThread")) {
            return "global_thread";
        }
        if (threadName.contains("StreamThread")) {
            return "stream_threads";
        }
        if (threadName.equals("main")) {
            return "main_counter";
        }
        return "other_threads";
    }

    private static Map<String, Long> threadCpu() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = nativeThreadCpu();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = bean.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(groupOf(info.getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    /**
     * The VM's own threads, which {@link ThreadMXBean} does not list: garbage collection ({@code
     * gc}) and the JIT compilers ({@code jit}), from {@code /proc/self/task} where there is one
     * (Linux), in clock ticks of 10 ms.
     */
    private static Map<String, Long> nativeThreadCpu() {
        Map<String, Long> groups = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return groups;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String group =
                            comm.startsWith("GC Thread") || comm.startsWith("G1 ")
                                    ? "gc"
                                    : comm.contains("CompilerThre") ? "jit" : null;
                    if (group == null) {
                        continue;
                    }
                    // the fields after the command, which may hold spaces but ends at the last ')'
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    groups.merge(group, ticks * TICK_NANOS, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was being read
                }
            }
        } catch (IOException e) {
            return new TreeMap<>();
        }
        return groups;
    }

    private static OptionalLong brokerCpu() {
        String pid = System.getProperty(BROKER_PID);
        if (pid == null || pid.isBlank()) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid.trim()))
                .map(p -> OptionalLong.of(cpuOf(p)))
                .orElse(OptionalLong.empty());
    }

    private static long cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}

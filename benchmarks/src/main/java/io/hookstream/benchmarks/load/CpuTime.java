package io.hookstream.benchmarks.load;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * CPU time used so far by this JVM and, when its pid is known, by the broker: throughput alone cannot say
 * whether a variant is slower because it does more work per event or because it waits, and on a machine the
 * broker shares, which side the work lands on.
 *
 * @param self   CPU time of this process, in nanoseconds
 * @param broker CPU time of the broker process, in nanoseconds, or -1 when unknown
 */
record CpuTime(long self, long broker) {

    /** The property that names the broker's pid. */
    static final String BROKER_PID = "bench.broker.pid";

    static CpuTime now() {
        return new CpuTime(cpuOf(ProcessHandle.current()), brokerCpu().orElse(-1));
    }

    /** Microseconds of this process per unit of work since {@code start}. */
    double selfMicrosPer(CpuTime start, long units) {
        return (self - start.self) / 1e3 / units;
    }

    /** Microseconds of the broker per unit of work since {@code start}; -1 when it is not known. */
    double brokerMicrosPer(CpuTime start, long units) {
        return broker < 0 || start.broker < 0 ? -1 : (broker - start.broker) / 1e3 / units;
    }

    private static OptionalLong brokerCpu() {
        String pid = System.getProperty(BROKER_PID);
        if (pid == null || pid.isBlank()) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid.trim())).map(p -> OptionalLong.of(cpuOf(p))).orElse(OptionalLong.empty());
    }

    private static long cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}

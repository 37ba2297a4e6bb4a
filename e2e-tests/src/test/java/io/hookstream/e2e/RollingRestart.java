package io.hookstream.e2e;

import java.util.List;

/**
 * Every service of a {@link Fleet} stopped gracefully and started again, one at a time, while the
 * load goes on. Nothing is left to heal.
 */
final class RollingRestart implements FaultRun.Fault {

    private final Fleet fleet;
    private List<String> timings = List.of();

    RollingRestart(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public void inject() throws Exception {
        timings = fleet.rollingRestart();
    }

    @Override
    public void heal() {
        // every service is back when inject returns
    }

    /** {@code restarted=name:stopped_ms/ready_ms,...} */
    @Override
    public String describe() {
        return "restarted=" + String.join(",", timings);
    }
}

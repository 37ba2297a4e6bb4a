#!/usr/bin/env bash
# Two routers of one application share the partitions; the one in a child process is killed with SIGKILL under
# load and not replaced. Reports how long bundles took to flow again (the longest accept-to-bundle time) and the
# exactly-once counts (fault-run.sh tells the rest).
#
#   benchmarks/reliability/router-kill.sh                         # 5,000 requests at 100/s, kill after 1,500
exec "$(dirname "$0")/fault-run.sh" --scenario router-kill --down-seconds 0 "$@"

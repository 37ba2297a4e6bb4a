#!/usr/bin/env bash
# A 3-node KRaft cluster, each node its own process: the node leading the raw topic's partition 0 (and whatever
# else it leads) is killed with SIGKILL under load and restarted on its storage --down-seconds later (default 10).
# Reports the 503s, the window they fall in and the election time (fault-run.sh tells the rest).
#
#   benchmarks/reliability/leader-kill.sh                         # 5,000 requests at 100/s, kill after 1,500
exec "$(dirname "$0")/fault-run.sh" --scenario leader-kill "$@"

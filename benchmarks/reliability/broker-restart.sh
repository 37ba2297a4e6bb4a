#!/usr/bin/env bash
# Kills the only Kafka broker under load and restarts it on the same data (fault-run.sh tells the rest).
#
#   benchmarks/reliability/broker-restart.sh                      # 5,000 requests at 100/s, SIGKILL after 1,500, 10 s down
#   benchmarks/reliability/broker-restart.sh --signal TERM        # controlled shutdown instead of a kill
#   benchmarks/reliability/broker-restart.sh --requests 12000 --down-seconds 60   # the broker away for a minute
#   benchmarks/reliability/broker-restart.sh --attempts 30        # senders retry each 503 with their delivery id
exec "$(dirname "$0")/fault-run.sh" --scenario broker-restart "$@"

#!/usr/bin/env bash
# Two ingresses, two routers and a control plane, each its own process, against one broker. Senders spread their
# requests round-robin over both ingresses and, as a load balancer would, send a request that got no connection to
# the other one at once; a 503 is retried after its Retry-After with the same delivery id, into a webhook that
# deduplicates it. Under that load every service is stopped with SIGTERM and started again in turn, each waited for
# until ready (fault-run.sh tells the rest).
#
#   benchmarks/reliability/rolling-restart.sh                     # 15,000 requests at 50/s, restarts after 1,500
exec "$(dirname "$0")/fault-run.sh" --scenario rolling-restart --requests 15000 --rate 50 --down-seconds 0 \
  --attempts 5 "$@"

package io.hookstream.benchmarks.load;

import io.hookstream.schemas.topic.HookstreamTopics;

/**
 * Writes a batch of {@link RouterBench}'s raw events in a JVM of its own, so that the benchmark's
 * JVM runs the Kafka client only the way the router does.
 *
 * <p>Arguments: {@code <bootstrap> <topic-prefix> <shared> <dedicated-webhook> <from> <count>}.
 */
public final class RouterLoad {

    private RouterLoad() {}

    public static void main(String[] args) throws Exception {
        HookstreamTopics topics = new HookstreamTopics(RouterBench.topicNames(args[1]));
        RouterBench.produce(
                args[0],
                topics,
                Boolean.parseBoolean(args[2]),
                args[3],
                Long.parseLong(args[4]),
                Integer.parseInt(args[5]));
    }
}

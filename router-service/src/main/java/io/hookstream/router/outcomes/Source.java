package io.hookstream.router.outcomes;

/** Where a raw event was read: the position an outcome points back to. */
public record Source(String topic, int partition, long offset) {

    /** For outcomes decided after a repartition, which no longer know the raw record. */
    public static final Source UNKNOWN = new Source("", -1, -1);
}

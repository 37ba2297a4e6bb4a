package io.hookstream.schemas.bundle;

import java.util.Arrays;
import java.util.Locale;

/** How the records of a consumer-facing topic (trigger topics, unmatched items) are written. */
public enum BundleFormat {
    /**
     * A CloudEvent in binary content mode: the value is the output JSON, the attributes are {@code
     * ce_} headers. Readable by any client, with or without a CloudEvents library.
     */
    CLOUDEVENTS_BINARY("cloudevents-binary"),
    /**
     * A CloudEvent in structured content mode: the value is the whole event as {@code
     * application/cloudevents+json}, for tools that ignore headers.
     */
    CLOUDEVENTS_STRUCTURED("cloudevents-structured"),
    /** Single-object Avro ({@code TriggerBundle}, {@code UnmatchedItem}), as before CloudEvents. */
    AVRO("avro");

    private final String configName;

    BundleFormat(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration and in the hook record. */
    public String configName() {
        return configName;
    }

    /** The format named {@code name} (its configuration name, any case). */
    public static BundleFormat of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(f -> f.configName.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown bundle format "
                                                + name
                                                + "; expected one of "
                                                + Arrays.stream(values())
                                                        .map(BundleFormat::configName)
                                                        .toList()));
    }

    @Override
    public String toString() {
        return configName;
    }
}

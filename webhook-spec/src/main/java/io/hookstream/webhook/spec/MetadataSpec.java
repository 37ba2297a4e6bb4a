package io.hookstream.webhook.spec;

import java.util.Objects;

/**
 * A connection's {@code response.metadata}: the label shown next to the connection name.
 *
 * @param type {@code text} or {@code email}
 * @param value evaluates to the label text
 */
public record MetadataSpec(String type, Directive value) {

    public MetadataSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}

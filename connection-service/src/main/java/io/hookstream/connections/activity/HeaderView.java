package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.Header;
import java.util.List;

/** One header field, in arrival order; secret values are masked before they are stored. */
public record HeaderView(String name, String value) {

    static List<HeaderView> of(List<Header> headers) {
        return headers.stream().map(h -> new HeaderView(h.getName(), h.getValue())).toList();
    }
}

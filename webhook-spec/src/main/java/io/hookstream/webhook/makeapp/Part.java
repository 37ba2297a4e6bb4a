package io.hookstream.webhook.makeapp;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One defined part of a component, e.g. a webhook's {@code attach}.
 *
 * @param file the project file it was read from
 * @param value its content; never {@code {}} or empty, since those mean "not defined"
 */
record Part(String file, JsonNode value) {

    Part {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(value, "value");
    }
}

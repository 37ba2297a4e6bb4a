package io.hookstream.webhook.spec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A connection's {@code response.valid}: an IML string or boolean, or the object form {@code
 * {"condition": …, "message": …, "type": …}} whose message and type describe the failure.
 */
public record ValidSpec(
        Directive condition, @Nullable Directive message, @Nullable Directive type) {

    public ValidSpec {
        Objects.requireNonNull(condition, "condition");
    }
}

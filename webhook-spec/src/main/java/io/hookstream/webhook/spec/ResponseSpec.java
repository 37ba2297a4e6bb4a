package io.hookstream.webhook.spec;

import org.jspecify.annotations.Nullable;

/**
 * The {@code response} block of a connection or attach request (§7). {@code iterate}, {@code
 * output} and pagination do not exist here.
 *
 * @param uid evaluates to the connection's routing key for shared webhooks
 * @param valid whether the response means success; {@code null}: status 200–399 is valid
 * @param metadata the connection label
 * @param data evaluates to the values stored with the connection (or, for attach, with the hook)
 * @param error the whole {@code error} template: {@code {message, type, "<status>": {message,
 *     type}}}
 * @param temp evaluates to values the next request of a chain sees as {@code temp} (attach and
 *     detach may be several requests)
 */
public record ResponseSpec(
        @Nullable Directive uid,
        @Nullable ValidSpec valid,
        @Nullable MetadataSpec metadata,
        @Nullable Directive data,
        @Nullable Directive error,
        @Nullable Directive temp) {

    /** A response block without {@code temp}. */
    public ResponseSpec(
            @Nullable Directive uid,
            @Nullable ValidSpec valid,
            @Nullable MetadataSpec metadata,
            @Nullable Directive data,
            @Nullable Directive error) {
        this(uid, valid, metadata, data, error, null);
    }
}

/**
 * Requests an app's definition makes to the outside service (connection {@code info}, webhook
 * {@code attach} and {@code detach}): rendered, sent over HTTP with bounded time and size, and
 * logged with the app's {@code log.sanitize} paths masked.
 */
@NullMarked
package io.hookstream.connections.remote;

import org.jspecify.annotations.NullMarked;

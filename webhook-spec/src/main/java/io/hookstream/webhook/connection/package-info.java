/**
 * Pure helpers for a connection's {@code info} request: rendering the request, reading the response
 * block into a {@link io.hookstream.webhook.connection.ConnectionCheck}, and masking logged values.
 */
@NullMarked
package io.hookstream.webhook.connection;

import org.jspecify.annotations.NullMarked;

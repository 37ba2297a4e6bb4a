/**
 * Turning an evaluated {@code respond} directive into HTTP bytes: body encodings of Decision D22
 * and validation of response headers.
 */
@NullMarked
package io.hookstream.webhook.respond;

import org.jspecify.annotations.NullMarked;

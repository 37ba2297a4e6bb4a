/**
 * The {@code signature} directive (extension E2): HMAC checks over the raw request bytes, with the
 * presets of well-known providers and a generic scheme.
 */
@NullMarked
package io.hookstream.webhook.signature;

import org.jspecify.annotations.NullMarked;

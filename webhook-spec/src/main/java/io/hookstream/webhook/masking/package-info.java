/**
 * What of a received request may be shown to an operator: secret headers masked, the body capped
 * and its {@code log.sanitize} paths masked. Used wherever a request is stored for reading (the
 * ingress's request log, the router's event outcomes).
 */
@NullMarked
package io.hookstream.webhook.masking;

import org.jspecify.annotations.NullMarked;

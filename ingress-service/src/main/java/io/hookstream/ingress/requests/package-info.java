/**
 * The request log: every request the ingress answers without accepting an event (refused, a
 * handshake, a limit, an edge error, a failed store), masked, capped and rate-bounded, written to
 * {@code hookstream.requests} off the answering path.
 */
@NullMarked
package io.hookstream.ingress.requests;

import org.jspecify.annotations.NullMarked;

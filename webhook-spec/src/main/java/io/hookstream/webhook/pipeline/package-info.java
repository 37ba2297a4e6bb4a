/**
 * The webhook processing pipeline: the edge steps (signature, verification, respond) and the
 * routing steps (condition, iterate, output, uid), each returning an outcome instead of throwing.
 */
@NullMarked
package io.hookstream.webhook.pipeline;

import org.jspecify.annotations.NullMarked;

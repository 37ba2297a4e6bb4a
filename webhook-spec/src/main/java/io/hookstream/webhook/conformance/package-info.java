/**
 * Runs the whole-webhook cases of the shared conformance corpus through the same parser and
 * pipeline the services use.
 */
@NullMarked
package io.hookstream.webhook.conformance;

import org.jspecify.annotations.NullMarked;

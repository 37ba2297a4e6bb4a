/**
 * The HTTP request as the edge received it, and its translation into the IML variables {@code
 * body}, {@code query}, {@code headers}, {@code method} and {@code rawBody}.
 */
@NullMarked
package io.hookstream.webhook.request;

import org.jspecify.annotations.NullMarked;

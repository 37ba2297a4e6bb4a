/**
 * The app, webhook and connection directive model, and the parser that validates an app JSON and
 * compiles every IML string in it once, at registration.
 */
@NullMarked
package io.hookstream.webhook.spec;

import org.jspecify.annotations.NullMarked;

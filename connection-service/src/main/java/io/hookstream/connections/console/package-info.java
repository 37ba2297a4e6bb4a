/**
 * The operator console at {@code /console/}: its login, the server-side sessions that let the
 * browser call the API without holding the token, and the headers that keep its pages inert.
 */
@NullMarked
package io.hookstream.connections.console;

import org.jspecify.annotations.NullMarked;

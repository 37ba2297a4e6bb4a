/**
 * The connections API: a user's credentials for an app, checked with the app's {@code info}
 * request.
 */
@NullMarked
package io.hookstream.connections.connection;

import org.jspecify.annotations.NullMarked;

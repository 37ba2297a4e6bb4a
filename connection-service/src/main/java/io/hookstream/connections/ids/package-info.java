/** Unguessable ids for hooks and connections. */
@NullMarked
package io.hookstream.connections.ids;

import org.jspecify.annotations.NullMarked;

/** The control plane's state on compacted topics. */
@NullMarked
package io.hookstream.connections.store;

import org.jspecify.annotations.NullMarked;

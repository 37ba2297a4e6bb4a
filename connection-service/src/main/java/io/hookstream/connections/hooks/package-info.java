/** The hooks API: dedicated webhook URLs and their trigger topics. */
@NullMarked
package io.hookstream.connections.hooks;

import org.jspecify.annotations.NullMarked;

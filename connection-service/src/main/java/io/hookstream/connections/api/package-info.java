/** What the control plane's REST API shares: error answers and identifier rules. */
@NullMarked
package io.hookstream.connections.api;

import org.jspecify.annotations.NullMarked;

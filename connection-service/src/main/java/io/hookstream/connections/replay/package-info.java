/**
 * Replay over the API: the raw events of a time window, of one hook or app, counted first and then
 * copied to the replay topic in the background with progress to poll. The scan and copy are the
 * CLI's own ({@link io.hookstream.operations.replay.WindowReplay}).
 */
@NullMarked
package io.hookstream.connections.replay;

import org.jspecify.annotations.NullMarked;

/**
 * Re-injecting raw events into the replay topic, each record naming where it came from, so that
 * what was re-injected can be read back from the topic itself.
 */
@NullMarked
package io.hookstream.operations.replay;

import org.jspecify.annotations.NullMarked;

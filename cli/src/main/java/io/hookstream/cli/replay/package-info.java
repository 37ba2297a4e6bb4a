/**
 * {@code hookstream replay}: re-injects raw events of a time window into the replay topic, which
 * the router consumes.
 */
@NullMarked
package io.hookstream.cli.replay;

import org.jspecify.annotations.NullMarked;

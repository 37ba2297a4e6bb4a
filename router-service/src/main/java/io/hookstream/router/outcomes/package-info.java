/**
 * Event outcomes: what the router did with each event (delivered, filtered, dead_letter, expanded,
 * unmatched), written to {@code hookstream.events.outcomes} in the same transaction as the bundles
 * or the dead letter, so that the outcome and what it describes are committed together or not at
 * all.
 */
@NullMarked
package io.hookstream.router.outcomes;

import org.jspecify.annotations.NullMarked;

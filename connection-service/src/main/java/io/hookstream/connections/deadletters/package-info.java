/**
 * Dead letters over the API: listed with filters and grouped, one by id with its masked raw
 * request, and redriven one or all matching a filter, counted first. The work on the topics is the
 * {@code operations} module's, which the command line uses too.
 */
@NullMarked
package io.hookstream.connections.deadletters;

import org.jspecify.annotations.NullMarked;

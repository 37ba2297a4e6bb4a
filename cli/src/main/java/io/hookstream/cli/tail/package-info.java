/** {@code hookstream tail}: a user's trigger bundles from Kafka as JSON lines. */
@NullMarked
package io.hookstream.cli.tail;

import org.jspecify.annotations.NullMarked;

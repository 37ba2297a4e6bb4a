/** The router's Kafka Streams streams. */
@NullMarked
package io.hookstream.router.streams;

import org.jspecify.annotations.NullMarked;

/** The router's Kafka Streams topology. */
@NullMarked
package io.hookstream.router.topology;

import org.jspecify.annotations.NullMarked;

/**
 * A real single-node Kafka broker in KRaft combined mode, started from the Kafka distribution's own
 * server classes.
 */
@NullMarked
package io.hookstream.localkafka;

import org.jspecify.annotations.NullMarked;

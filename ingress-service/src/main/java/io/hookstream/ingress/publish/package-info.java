/** Publishing raw events to Kafka, acknowledged by every in-sync replica. */
@NullMarked
package io.hookstream.ingress.publish;

import org.jspecify.annotations.NullMarked;

/**
 * Trigger bundles and unmatched items as consumers read them: CloudEvents 1.0 on the Kafka protocol
 * binding (binary or structured content mode) or single-object Avro, written by the router and read
 * back in any of the three formats.
 */
@NullMarked
package io.hookstream.schemas.bundle;

import org.jspecify.annotations.NullMarked;

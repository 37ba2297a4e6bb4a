/**
 * Kafka serdes for Hookstream's Avro records in single-object encoding, with the history of
 * released schemas.
 */
@NullMarked
package io.hookstream.schemas.serde;

import org.jspecify.annotations.NullMarked;

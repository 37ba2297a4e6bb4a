/** Kafka settings, topic provisioning, topic views and Kafka health for every service. */
@NullMarked
package io.hookstream.support.kafka;

import org.jspecify.annotations.NullMarked;

/**
 * Activity: what happened to each hook's requests and events, read from the request log and the
 * event outcomes. The control plane keeps both in Kafka Streams window stores keyed by hook (and
 * one keyed by event id), answers from the instance that owns a key (interactive queries, one hop
 * at most), and tails both topics live for Server-Sent Events.
 */
@NullMarked
package io.hookstream.connections.activity;

import org.jspecify.annotations.NullMarked;

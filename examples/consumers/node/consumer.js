// Reads a Hookstream trigger topic with kafkajs and the `cloudevents` package, and prints one JSON
// line per bundle. Both CloudEvents content modes (binary, structured) are read alike.
//
//   npm ci
//   HOOKSTREAM_TOPIC=hookstream.triggers.alice node consumer.js
//
// Settings (environment): HOOKSTREAM_BOOTSTRAP (127.0.0.1:9092), HOOKSTREAM_TOPIC (required; several
// topics separated by commas),
// HOOKSTREAM_GROUP (hookstream-example), HOOKSTREAM_FROM_BEGINNING (true), HOOKSTREAM_MAX (0: no
// limit; stop after that many distinct bundles).
"use strict";

const { Kafka: KafkaClient, logLevel } = require("kafkajs");
const { Kafka: KafkaBinding } = require("cloudevents");

const brokers = (process.env.HOOKSTREAM_BOOTSTRAP || "127.0.0.1:9092").split(",");
const topics = (process.env.HOOKSTREAM_TOPIC || "").split(",").filter((t) => t.length > 0);
const groupId = process.env.HOOKSTREAM_GROUP || "hookstream-example";
const fromBeginning = (process.env.HOOKSTREAM_FROM_BEGINNING || "true") === "true";
const max = Number(process.env.HOOKSTREAM_MAX || "0");

if (topics.length === 0) {
  console.error("Set HOOKSTREAM_TOPIC to a trigger topic, e.g. hookstream.triggers.alice");
  process.exit(2);
}

// A bundle can arrive twice (a replay, a redrive, a consumer that restarts before committing):
// its id is the same each time, so remembering ids drops the copies. A real consumer keeps them
// where it keeps its results (a unique key in its database); a Set is enough for an example.
const seen = new Set();

const kafka = new KafkaClient({ clientId: "hookstream-example", brokers, logLevel: logLevel.WARN });
// kafkajs reads committed records only by default (readUncommitted: false): bundles of a router
// transaction that was aborted never appear.
const consumer = kafka.consumer({ groupId, readUncommitted: false });

function headersAsStrings(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers || {})) {
    if (value !== undefined) {
      out[name] = Array.isArray(value) ? value[value.length - 1].toString() : value.toString();
    }
  }
  return out;
}

async function stop(code) {
  await consumer.disconnect().catch(() => {});
  process.exit(code);
}

async function main() {
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const record = {
        key: message.key ? message.key.toString() : null,
        value: message.value ? message.value.toString() : "",
        headers: headersAsStrings(message.headers),
        timestamp: message.timestamp,
      };
      if (!KafkaBinding.isEvent(record)) {
        console.error(`skipped ${topic} partition ${partition} offset ${message.offset}: not a CloudEvent`);
        return;
      }
      const event = KafkaBinding.toEvent(record);
      if (seen.has(event.id)) {
        return;
      }
      seen.add(event.id);
      // binary mode hands data over as the JSON text it was sent as; structured mode as parsed JSON
      const data = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
      console.log(
        JSON.stringify({
          topic,
          id: event.id,
          type: event.type,
          source: event.source,
          subject: event.subject,
          time: event.time,
          userid: event.userid,
          hookid: event.hookid,
          eventid: event.eventid,
          itemindex: Number(event.itemindex),
          partitionkey: event.partitionkey,
          data,
        })
      );
      if (max > 0 && seen.size >= max) {
        // let kafkajs commit this offset before leaving
        setImmediate(() => stop(0));
      }
    },
  });
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
main().catch((e) => {
  console.error(e);
  stop(1);
});

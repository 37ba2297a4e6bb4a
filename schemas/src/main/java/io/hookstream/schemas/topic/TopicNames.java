package io.hookstream.schemas.topic;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names of every Hookstream topic. Each one is configurable; a {@code null} component (as a
 * configuration binder passes for a missing key) takes its default, so a partial configuration is
 * complete after construction.
 *
 * @param apps compacted, key appId: app definitions
 * @param hooks compacted, key hookId: hooks
 * @param connections compacted, key connectionId: connections
 * @param eventsRaw key hookId or appId: raw webhook events as accepted by the ingress
 * @param eventsReplay as {@code eventsRaw}: events re-injected by operators
 * @param eventsDlq key eventId: events whose processing failed, with the reason
 * @param eventsUnmatched key appId:uid: shared-webhook items that matched no connection
 * @param triggerPrefix per-user trigger topics are this prefix followed by the user id
 * @param triggersShared the single trigger topic keyed by user id, for the shared strategy
 * @param requests key hookId (or appId/webhook): the request log, requests answered without an
 *     accepted event
 * @param eventsOutcomes key hookId (or appId/webhook): what the router did with each event
 */
public record TopicNames(
        String apps,
        String hooks,
        String connections,
        String eventsRaw,
        String eventsReplay,
        String eventsDlq,
        String eventsUnmatched,
        String triggerPrefix,
        String triggersShared,
        String requests,
        String eventsOutcomes) {

    public static final String DEFAULT_PREFIX = "hookstream.";
    private static final int MAX_TOPIC_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public TopicNames(
            @Nullable String apps,
            @Nullable String hooks,
            @Nullable String connections,
            @Nullable String eventsRaw,
            @Nullable String eventsReplay,
            @Nullable String eventsDlq,
            @Nullable String eventsUnmatched,
            @Nullable String triggerPrefix,
            @Nullable String triggersShared,
            @Nullable String requests,
            @Nullable String eventsOutcomes) {
        this.apps = orDefault(apps, "apps");
        this.hooks = orDefault(hooks, "hooks");
        this.connections = orDefault(connections, "connections");
        this.eventsRaw = orDefault(eventsRaw, "events.raw");
        this.eventsReplay = orDefault(eventsReplay, "events.replay");
        this.eventsDlq = orDefault(eventsDlq, "events.dlq");
        this.eventsUnmatched = orDefault(eventsUnmatched, "events.unmatched");
        this.triggerPrefix = orDefault(triggerPrefix, "triggers.");
        this.triggersShared = orDefault(triggersShared, "triggers");
        this.requests = orDefault(requests, "requests");
        this.eventsOutcomes = orDefault(eventsOutcomes, "events.outcomes");
        for (String name :
                new String[] {
                    this.apps,
                    this.hooks,
                    this.connections,
                    this.eventsRaw,
                    this.eventsReplay,
                    this.eventsDlq,
                    this.eventsUnmatched,
                    this.triggersShared,
                    this.requests,
                    this.eventsOutcomes
                }) {
            if (!isLegal(name)) {
                throw new IllegalArgumentException("illegal Kafka topic name: " + name);
            }
        }
        if (!isLegal(this.triggerPrefix)) {
            throw new IllegalArgumentException(
                    "illegal trigger topic prefix: " + this.triggerPrefix);
        }
    }

    public static TopicNames defaults() {
        return new TopicNames(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The per-user trigger topic of {@code userId}, which must be a legal topic-name fragment. */
    public String triggerTopicOf(String userId) {
        String name = triggerPrefix + userId;
        if (!isLegal(name)) {
            throw new IllegalArgumentException("user id cannot be part of a topic name: " + userId);
        }
        return name;
    }

    /**
     * Kafka's own rule for topic names: 1 to 249 characters of ASCII letters, digits, '.', '_' and
     * '-'.
     */
    public static boolean isLegal(String name) {
        return !name.isEmpty()
                && name.length() <= MAX_TOPIC_LENGTH
                && LEGAL.matcher(name).matches()
                && !name.equals(".")
                && !name.equals("..");
    }

    private static String orDefault(@Nullable String value, String suffix) {
        return value == null || value.isBlank() ? DEFAULT_PREFIX + suffix : value.strip();
    }
}

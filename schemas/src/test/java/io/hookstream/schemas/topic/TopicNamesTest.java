package io.hookstream.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void defaultsFollowTheDocumentedNames() {
        TopicNames names = TopicNames.defaults();

        assertThat(names.apps()).isEqualTo("hookstream.apps");
        assertThat(names.hooks()).isEqualTo("hookstream.hooks");
        assertThat(names.connections()).isEqualTo("hookstream.connections");
        assertThat(names.eventsRaw()).isEqualTo("hookstream.events.raw");
        assertThat(names.eventsReplay()).isEqualTo("hookstream.events.replay");
        assertThat(names.eventsDlq()).isEqualTo("hookstream.events.dlq");
        assertThat(names.eventsUnmatched()).isEqualTo("hookstream.events.unmatched");
        assertThat(names.triggerTopicOf("u-1")).isEqualTo("hookstream.triggers.u-1");
        assertThat(names.triggersShared()).isEqualTo("hookstream.triggers");
    }

    @Test
    void aPartialConfigurationKeepsDefaultsForTheRest() {
        TopicNames names =
                new TopicNames(
                        null,
                        "prod.hooks",
                        null,
                        " prod.raw ",
                        null,
                        null,
                        null,
                        "prod.t.",
                        null,
                        null,
                        "prod.outcomes");

        assertThat(names.hooks()).isEqualTo("prod.hooks");
        assertThat(names.eventsRaw()).isEqualTo("prod.raw");
        assertThat(names.apps()).isEqualTo("hookstream.apps");
        assertThat(names.triggerTopicOf("u")).isEqualTo("prod.t.u");
        assertThat(names.requests()).isEqualTo("hookstream.requests");
        assertThat(names.eventsOutcomes()).isEqualTo("prod.outcomes");
    }

    @Test
    void illegalNamesAreRejected() {
        assertThatThrownBy(
                        () ->
                                new TopicNames(
                                        "has space",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicNames.defaults().triggerTopicOf("a/b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicNames.defaults().triggerTopicOf("x".repeat(250)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TopicNames.isLegal("..")).isFalse();
        assertThat(TopicNames.isLegal("a.b_c-D9")).isTrue();
    }

    @Test
    void typedTopicsCarryTheConfiguredNames() {
        HookstreamTopics topics =
                new HookstreamTopics(
                        new TopicNames(
                                "x.apps", null, null, null, null, null, null, null, null, null,
                                null));

        assertThat(topics.apps().name()).isEqualTo("x.apps");
        assertThat(topics.eventsReplay().valueSerde()).isSameAs(topics.eventsRaw().valueSerde());
        assertThat(topics.triggers("hookstream.triggers.u").name())
                .isEqualTo("hookstream.triggers.u");
    }
}

package io.hookstream.cli.dlq;

import io.hookstream.schemas.avro.DeadLetter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link DeadLetter} as one line of compact JSON: why and where the event failed, without
 * the event itself (its body may be large or sensitive; {@code hookstream dlq redrive} re-injects
 * it). Immutable and thread-safe.
 */
final class DeadLetterJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    String render(DeadLetter letter) {
        ObjectNode line = mapper.createObjectNode();
        line.put("eventId", letter.getEventId());
        line.put("hookId", letter.getHookId());
        line.put("appId", letter.getAppId());
        line.put("stage", letter.getStage());
        line.put("directivePath", letter.getDirectivePath());
        line.put("errorCode", letter.getErrorCode());
        line.put("error", letter.getError());
        line.put("failedAt", letter.getFailedAt().toString());
        line.put("sourceTopic", letter.getSourceTopic());
        return mapper.writeValueAsString(line);
    }
}

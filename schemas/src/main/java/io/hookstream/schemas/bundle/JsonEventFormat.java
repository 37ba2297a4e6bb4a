package io.hookstream.schemas.bundle;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventSerializationException;
import io.cloudevents.rw.CloudEventDataMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents JSON event format ({@code application/cloudevents+json}) on Jackson 3. The SDK's
 * own implementation ({@code cloudevents-json-jackson}) is written against Jackson 2, which the
 * services do not otherwise carry; this one covers what Hookstream writes and reads: the context
 * attributes, extensions of every CloudEvents type, and {@code data} as JSON for JSON content types
 * and as {@code data_base64} otherwise. Not registered with the SDK's {@code EventFormatProvider},
 * so that an application that adds the SDK's format reads with the SDK's.
 */
public final class JsonEventFormat implements EventFormat {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final Set<String> CONTEXT_ATTRIBUTES =
            Set.of(
                    "specversion",
                    "id",
                    "source",
                    "type",
                    "datacontenttype",
                    "dataschema",
                    "subject",
                    "time",
                    "data",
                    "data_base64");

    /** Numbers are read into exact decimals so that data keeps every digit of its numbers. */
    private final JsonMapper mapper =
            JsonMapper.builder()
                    .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

    @Override
    public byte[] serialize(CloudEvent event) throws EventSerializationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("specversion", event.getSpecVersion().toString());
            g.writeStringProperty("id", event.getId());
            g.writeStringProperty("source", event.getSource().toString());
            g.writeStringProperty("type", event.getType());
            if (event.getDataContentType() != null) {
                g.writeStringProperty("datacontenttype", event.getDataContentType());
            }
            if (event.getDataSchema() != null) {
                g.writeStringProperty("dataschema", event.getDataSchema().toString());
            }
            if (event.getSubject() != null) {
                g.writeStringProperty("subject", event.getSubject());
            }
            if (event.getTime() != null) {
                g.writeStringProperty(
                        "time", event.getTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            for (String name : event.getExtensionNames()) {
                writeExtension(g, name, event.getExtension(name));
            }
            CloudEventData data = event.getData();
            if (data != null) {
                byte[] bytes = data.toBytes();
                if (isJson(event.getDataContentType()) && isOneJsonValue(bytes)) {
                    g.writeName("data");
                    // already JSON: copied as it is, so its numbers and order stay exactly as made
                    g.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
                } else if (isText(event.getDataContentType())) {
                    g.writeStringProperty("data", new String(bytes, StandardCharsets.UTF_8));
                } else {
                    g.writeStringProperty("data_base64", Base64.getEncoder().encodeToString(bytes));
                }
            }
            g.writeEndObject();
        } catch (JacksonException e) {
            throw new EventSerializationException(e);
        }
        return out.toByteArray();
    }

    @Override
    public CloudEvent deserialize(
            byte[] bytes, CloudEventDataMapper<? extends CloudEventData> dataMapper)
            throws EventDeserializationException {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (!(root instanceof ObjectNode event)) {
                throw new IllegalArgumentException("a structured CloudEvent is a JSON object");
            }
            String version = requiredText(event, "specversion");
            if (!SpecVersion.V1.toString().equals(version)) {
                throw new IllegalArgumentException("unsupported specversion " + version);
            }
            CloudEventBuilder builder =
                    CloudEventBuilder.v1()
                            .withId(requiredText(event, "id"))
                            .withSource(URI.create(requiredText(event, "source")))
                            .withType(requiredText(event, "type"));
            String contentType = optionalText(event, "datacontenttype");
            if (contentType != null) {
                builder.withDataContentType(contentType);
            }
            String schema = optionalText(event, "dataschema");
            if (schema != null) {
                builder.withDataSchema(URI.create(schema));
            }
            String subject = optionalText(event, "subject");
            if (subject != null) {
                builder.withSubject(subject);
            }
            String time = optionalText(event, "time");
            if (time != null) {
                builder.withTime(OffsetDateTime.parse(time));
            }
            for (Map.Entry<String, JsonNode> field : event.properties()) {
                if (!CONTEXT_ATTRIBUTES.contains(field.getKey())) {
                    readExtension(builder, field.getKey(), field.getValue());
                }
            }
            byte[] data = data(event, contentType);
            if (data != null) {
                builder.withData(dataMapper.map(BytesCloudEventData.wrap(data)));
            }
            return builder.build();
        } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
            throw new EventDeserializationException(e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public String serializedContentType() {
        return CONTENT_TYPE;
    }

    private byte @Nullable [] data(ObjectNode event, @Nullable String contentType) {
        JsonNode base64 = event.get("data_base64");
        if (base64 != null && !base64.isNull()) {
            return Base64.getDecoder().decode(base64.asString());
        }
        JsonNode data = event.get("data");
        if (data == null || data.isNull() && !isJson(contentType)) {
            return null;
        }
        if (data.isString() && !isJson(contentType)) {
            return data.asString().getBytes(StandardCharsets.UTF_8);
        }
        return mapper.writeValueAsBytes(data);
    }

    private static void writeExtension(JsonGenerator g, String name, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer i) {
            g.writeNumberProperty(name, i);
        } else if (value instanceof Boolean b) {
            g.writeBooleanProperty(name, b);
        } else if (value instanceof byte[] b) {
            g.writeStringProperty(name, Base64.getEncoder().encodeToString(b));
        } else if (value instanceof OffsetDateTime t) {
            g.writeStringProperty(name, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else {
            g.writeStringProperty(name, value.toString());
        }
    }

    private static void readExtension(CloudEventBuilder builder, String name, JsonNode value) {
        if (value.isInt()) {
            builder.withExtension(name, value.intValue());
        } else if (value.isBoolean()) {
            builder.withExtension(name, value.booleanValue());
        } else if (value.isString()) {
            builder.withExtension(name, value.asString());
        } else if (!value.isNull()) {
            // CloudEvents has no other extension types; keep what came as its JSON text
            builder.withExtension(name, value.toString());
        }
    }

    private boolean isOneJsonValue(byte[] bytes) {
        try (JsonParser p = mapper.createParser(bytes)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** JSON content types; an absent one means JSON in the JSON event format. */
    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean isText(@Nullable String contentType) {
        return contentType != null && mediaType(contentType).startsWith("text/");
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String requiredText(ObjectNode event, String name) {
        String value = optionalText(event, name);
        if (value == null) {
            throw new IllegalArgumentException("a CloudEvent needs the attribute " + name);
        }
        return value;
    }

    private static @Nullable String optionalText(ObjectNode event, String name) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("attribute " + name + " must be a string");
        }
        return node.asString();
    }
}

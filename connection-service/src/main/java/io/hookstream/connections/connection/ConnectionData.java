package io.hookstream.connections.connection;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

import io.hookstream.schemas.avro.Connection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON a {@link Connection} stores: its data (credentials) and its parameters.
 * Data is stored as plain JSON ({@code dataEncryption} null); a record sealed by a scheme this
 * service does not know is refused rather than misread.
 */
public final class ConnectionData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConnectionData() {
    }

    /** The connection's stored data, bound as {@code data} and {@code connection} in its requests (D8). */
    public static ObjectNode data(Connection connection) {
        if (connection.getDataEncryption() != null) {
            throw new IllegalStateException("connection " + connection.getConnectionId() + " has data sealed with "
                + connection.getDataEncryption() + ", which this service cannot open");
        }
        ByteBuffer buffer = connection.getData().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return object(bytes.length == 0 ? null : JSON.readTree(bytes));
    }

    public static ObjectNode parameters(Connection connection) {
        return object(JSON.readTree(connection.getParameters()));
    }

    static ByteBuffer encode(ObjectNode data) {
        return ByteBuffer.wrap(JSON.writeValueAsBytes(data));
    }

    private static ObjectNode object(@Nullable JsonNode node) {
        return node != null && node.isObject() ? (ObjectNode) node : JSON.createObjectNode();
    }
}

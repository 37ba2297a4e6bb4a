package io.hookstream.connections.connection;

import io.hookstream.schemas.avro.Connection;
import io.hookstream.support.secrets.DataSealer;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a {@link Connection} stores: its data (credentials), sealed at rest with the service's
 * data key and bound to the connection id, and its parameters (no secrets, plain).
 */
@Component
public class ConnectionData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSealer sealer;

    public ConnectionData(DataSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * The connection's stored data, bound as {@code data} and {@code connection} in its requests
     * (D8); data stored before sealing was configured ({@code dataEncryption} null) is read as it
     * is.
     *
     * @throws io.hookstream.support.secrets.SealedDataException when no configured key opens it
     */
    public ObjectNode data(Connection connection) {
        ByteBuffer buffer = connection.getData().duplicate();
        byte[] stored = new byte[buffer.remaining()];
        buffer.get(stored);
        byte[] plain =
                sealer.open(stored, connection.getDataEncryption(), connection.getConnectionId());
        return object(plain.length == 0 ? null : JSON.readTree(plain));
    }

    /** The data's keys, which is all the API ever shows of it. */
    List<String> keys(Connection connection) {
        return List.copyOf(data(connection).propertyNames());
    }

    /** Seals {@code data} for the connection being built; its id must be set already. */
    Connection.Builder store(Connection.Builder connection, ObjectNode data) {
        byte[] sealed = sealer.seal(JSON.writeValueAsBytes(data), connection.getConnectionId());
        return connection.setData(ByteBuffer.wrap(sealed)).setDataEncryption(sealer.scheme());
    }

    public static ObjectNode parameters(Connection connection) {
        return object(JSON.readTree(connection.getParameters()));
    }

    private static ObjectNode object(@Nullable JsonNode node) {
        return node != null && node.isObject() ? (ObjectNode) node : JSON.createObjectNode();
    }
}

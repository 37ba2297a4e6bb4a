package io.hookstream.connections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 connection written and read byte by byte, for what a pooling client hides: when each
 * request goes out on the same connection, and whether the server reads the next one at all.
 */
final class RawHttpConnection implements AutoCloseable {

    /** The status code and the body of a response. */
    record Response(int status, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    /**
     * @param patience how long any single read may wait before the test fails instead of hanging
     */
    RawHttpConnection(String baseUrl, Duration patience) throws IOException {
        URI uri = URI.create(baseUrl);
        this.socket = new Socket(uri.getHost(), uri.getPort());
        this.socket.setSoTimeout((int) patience.toMillis());
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.host = uri.getHost() + ":" + uri.getPort();
    }

    /**
     * The text of a request; {@code token} (a bearer token) and {@code json} (the body) may be
     * null.
     */
    String request(String method, String path, String token, String json) {
        StringBuilder request =
                new StringBuilder()
                        .append(method)
                        .append(' ')
                        .append(path)
                        .append(" HTTP/1.1\r\n")
                        .append("Host: ")
                        .append(host)
                        .append("\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (json != null) {
            request.append("Content-Type: application/json\r\n")
                    .append("Content-Length: ")
                    .append(json.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n");
        }
        return request.append("\r\n").append(json == null ? "" : json).toString();
    }

    /** Writes the requests in one go, as a client that does not wait between them would. */
    void send(String... requests) throws IOException {
        out.write(String.join("", requests).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the next response; a server that stopped reading makes this time out. */
    Response read() throws IOException {
        String head = readHead();
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
                if (size == 0) {
                    readLine();
                    break;
                }
                body.write(in.readNBytes(size));
                readLine();
            }
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        return readThrough("\r\n\r\n", "connection closed in a response head");
    }

    private String readLine() throws IOException {
        String line = readThrough("\r\n", "connection closed in a chunked body");
        return line.substring(0, line.length() - 2);
    }

    /** The bytes up to and including {@code end}, as text. */
    private String readThrough(String end, String whenClosed) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(whenClosed + " after: " + text);
            }
            text.append((char) b);
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

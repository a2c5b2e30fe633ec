package cn.innovationchina.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written and read by hand on a socket to the gateway, as an abuser writes it: bodies in chunks, a byte at
 * a time, or never finished. Each connection leaves from a loopback address of its own choosing (127.0.0.x), so the
 * gateway sees one caller's address apart from the well-behaved users' (127.0.0.1), as it would on the internet.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A connection to the gateway from {@code fromAddress}; a read waits at most {@code readTimeout}. */
    static RawHttp connect(String fromAddress, Duration readTimeout) throws IOException {
        var socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Platform.PORT_BASE), 5000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new RawHttp(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The request line and headers; {@code Host} is added. */
    RawHttp head(String method, String path, String... headerLines) throws IOException {
        var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(Platform.PORT_BASE).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One chunk of a {@code Transfer-Encoding: chunked} body; an empty one ends the body. */
    void chunk(byte[] bytes) throws IOException {
        write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        write(bytes);
        write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the next response: status line, headers, and its body by length, in chunks, or to the end. */
    Response response() throws IOException {
        Response head = responseHead();
        var headers = head.headers();
        var body = new ByteArrayOutputStream();
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if (headers.getOrDefault("connection", "").equalsIgnoreCase("close")) {
            body.write(in.readAllBytes());
        }
        return new Response(head.status(), headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Reads the status line and headers of the next response, leaving its body (a live stream's, say) unread. */
    Response responseHead() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("closed before a response");
        }
        var headers = new HashMap<String, String>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, "");
    }

    /** The next line of a body being read as it comes (a live stream's). */
    String nextLine() throws IOException {
        return line();
    }

    /** Whether the gateway closed the connection (read to its end), waiting at most the read timeout for it. */
    boolean closedByServer() {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** A line ending in CRLF, without it; null at the end of the stream. */
    private String line() throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was asked.
        }
    }
}

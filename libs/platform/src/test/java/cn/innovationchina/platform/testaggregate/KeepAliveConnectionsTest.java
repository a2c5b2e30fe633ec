package cn.innovationchina.platform.testaggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.innovationchina.testkit.ServiceTest;

/**
 * A client that keeps its connection open is answered every time, also when its next request arrives before the last
 * answer is finished. Reactor Netty 1.3.6 stopped reading such a connection after it answered a waiting request at
 * once (a 401, say): the request after it was never answered (reactor-netty issue 4361, ADR 0051). That is how a burst
 * of refused calls lost one answer in CI; two requests sent together (HTTP/1.1 pipelining) make it happen every time.
 */
@ServiceTest
class KeepAliveConnectionsTest {

    private static final int CONNECTIONS = 4;
    private static final int REQUESTS_EACH = 40;
    private static final int READ_TIMEOUT_MILLIS = 5000;

    @LocalServerPort
    int port;

    @Test
    void every_request_on_a_keep_alive_connection_is_answered_also_when_two_arrive_together() throws Exception {
        // When 4 clients each send 40 requests without a valid token on one connection, two at a time
        var clients = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int client = 0; client < CONNECTIONS; client++) {
            outcomes.add(clients.submit(oneConnection()));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        // Then every request of every connection was answered 401
        List<String> ended = new ArrayList<>();
        for (var outcome : outcomes) {
            ended.add(outcome.get());
        }
        assertThat(ended).containsOnly("answered " + REQUESTS_EACH + " times 401");
    }

    private Callable<String> oneConnection() {
        return () -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                String request = "GET /beacons/any HTTP/1.1\r\nHost: localhost\r\n\r\n";
                String garbage = "GET /beacons/any HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer garbage\r\n\r\n";
                byte[] two = (request + garbage).getBytes(StandardCharsets.US_ASCII);
                for (int sent = 0; sent < REQUESTS_EACH; sent += 2) {
                    out.write(two);
                    out.flush();
                    for (int answer = 1; answer <= 2; answer++) {
                        String status;
                        try {
                            status = answerStatus(in);
                        } catch (IOException e) {
                            return "request " + (sent + answer) + " not answered: " + e.getMessage();
                        }
                        if (!status.equals("401")) {
                            return "request " + (sent + answer) + " answered " + status;
                        }
                    }
                }
                return "answered " + REQUESTS_EACH + " times 401";
            }
        };
    }

    /** Reads one answer (status line, headers, a body of the declared length) and gives its status. */
    private static String answerStatus(InputStream in) throws IOException {
        String statusLine = line(in);
        long length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        in.readNBytes((int) length);
        return statusLine.split(" ")[1];
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection was closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

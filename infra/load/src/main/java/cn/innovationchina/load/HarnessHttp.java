package cn.innovationchina.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The HTTP client the harnesses talk to the platform with, as its users' browsers and scripts would. */
public final class HarnessHttp {

    private HarnessHttp() {
    }

    /**
     * HTTP/1.1, as the console's requests reach the gateway; a few daemon threads, so a harness that fails still
     * exits.
     */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, work -> {
                    Thread thread = new Thread(work, "harness-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }
}

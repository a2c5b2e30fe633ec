package cn.innovationchina.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Users going about their work through the gateway while someone else abuses it, each call on a fixed schedule
 * (open loop: a slow answer does not delay the next call, so a stall shows in the figures instead of hiding behind
 * fewer calls). Every call is timed and judged: the status and the shape its answer should have.
 */
final class WellBehavedUsers implements AutoCloseable {

    /** The longest a user waits for an answer (as {@link User} does); longer is a timeout, judged wrong. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One kind of call: who makes it, how often, and what a correct answer is (null) or what is wrong with it. */
    record Activity(String who, Duration every, Supplier<HttpRequest> request,
            Function<HttpResponse<String>, String> fault) {
    }

    record Sample(String who, long startedNanos, long millis, String fault) {
    }

    /** Figures of the calls started in a period. */
    record Figures(int calls, long p50, long p99, long max, List<Sample> wrong) {

        String text() {
            return String.format(Locale.ROOT, "n=%d p50=%dms p99=%dms max=%dms", calls, p50, p99, max);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "well-behaved-users");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();

    private WellBehavedUsers(List<Activity> activities) {
        for (Activity activity : activities) {
            clock.scheduleAtFixedRate(() -> call(activity), 0, activity.every().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static WellBehavedUsers start(List<Activity> activities) {
        return new WellBehavedUsers(activities);
    }

    /** A GET of {@code path} through the gateway with the user's token. */
    static Supplier<HttpRequest> get(String gateway, String token, String path) {
        return () -> HttpRequest.newBuilder(URI.create(gateway + path)).timeout(PATIENCE)
                .header("Authorization", "Bearer " + token).GET().build();
    }

    static Supplier<HttpRequest> post(String gateway, String token, String path, Supplier<String> json) {
        return () -> HttpRequest.newBuilder(URI.create(gateway + path)).timeout(PATIENCE)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.get())).build();
    }

    static Function<HttpResponse<String>, String> answered(int status, String mustContain) {
        return response -> response.statusCode() == status && response.body().contains(mustContain) ? null
                : response.statusCode() + " " + abbreviated(response.body());
    }

    /**
     * Makes each activity's call until it is answered correctly within a second three times running: a platform
     * just started answers its first calls slowly (classes loaded, code compiled, connections opened), which is not
     * what a baseline should measure.
     */
    static void warmUp(List<Activity> activities, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Activity activity : activities) {
            int quick = 0;
            String last = "no call";
            while (quick < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Not warm within " + limit + ": " + activity.who() + ": " + last);
                }
                long started = System.nanoTime();
                try {
                    var response = HTTP.send(activity.request().get(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    String fault = activity.fault().apply(response);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    last = fault == null ? millis + " ms" : fault;
                    quick = fault == null && millis < 1000 ? quick + 1 : 0;
                } catch (IOException e) {
                    last = e.toString();
                    quick = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void call(Activity activity) {
        long started = System.nanoTime();
        var call = HTTP.sendAsync(activity.request().get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    String fault = failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                            : activity.fault().apply(response);
                    samples.add(new Sample(activity.who(), started, millis, fault));
                    return null;
                });
        inFlight.add(call);
        inFlight.removeIf(CompletableFuture::isDone);
    }

    /** Figures of the calls started between two {@link System#nanoTime()} instants. */
    Figures between(long fromNanos, long toNanos) {
        var period = new ArrayList<Sample>();
        for (Sample sample : samples) {
            if (sample.startedNanos() >= fromNanos && sample.startedNanos() < toNanos) {
                period.add(sample);
            }
        }
        period.sort(Comparator.comparingLong(Sample::millis));
        return new Figures(period.size(), percentile(period, 50), percentile(period, 99),
                period.isEmpty() ? 0 : period.get(period.size() - 1).millis(),
                period.stream().filter(sample -> sample.fault() != null).toList());
    }

    private static long percentile(List<Sample> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)).millis();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Stops calling, and waits for the answers of the calls under way (each waits at most {@link #PATIENCE}). */
    @Override
    public void close() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(PATIENCE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The well-behaved users' last calls did not end", e);
        }
    }
}

package org.copydesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as a newsroom's partner would run one: it verifies each delivery's Standard Webhooks
 * signature with the endpoint's secret (written here from the specification, not with the app's code), keeps what it
 * got, and answers as the test says — 200, an error code, not at all (stopped), or only after a while (held).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers, its body, and whether its signature and timestamp checked out. */
    public record Received(String id, String timestamp, String signature, String body, boolean verified, Instant at) {
    }

    private volatile HttpServer server;
    private volatile int boundPort;
    private volatile String secret;
    private volatile int answer = 200;
    private final java.util.concurrent.atomic.AtomicReference<CountDownLatch> holdNext = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile CountDownLatch held;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver() throws IOException {
        listen();
    }

    /** A receiver on a free loopback port (kept when it is stopped and resumed). */
    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    private synchronized void listen() throws IOException {
        HttpServer made = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 16);
        made.createContext("/", this::handle);
        made.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        made.start();
        boundPort = made.getAddress().getPort();
        server = made;
    }

    /** The address to register. */
    public String url() {
        return "http://127.0.0.1:" + boundPort + "/hooks";
    }

    public WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    /** The status code it answers from now on. */
    public WebhookReceiver answer(int status) {
        this.answer = status;
        return this;
    }

    /** Stops listening: connections are refused until {@link #resume()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Listens again at the same address. */
    public synchronized void resume() throws IOException {
        listen();
    }

    /** The next request waits, unanswered, until {@link #release()} (or a minute); those after it are answered. */
    public void holdNextRequest() {
        holdNext.set(new CountDownLatch(1));
    }

    /** Waits until a held request has come in. */
    public boolean awaitHeld(Duration within) throws InterruptedException {
        return holding.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        holdNext.set(null);
        CountDownLatch waiting = held;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until some request received matches; the first that does, or null. */
    public Received await(Predicate<Received> which, Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            for (Received r : received) {
                if (which.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CountDownLatch hold = holdNext.getAndSet(null);
            if (hold != null) {
                held = hold;
                holding.countDown();
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status = answer;
            received.add(new Received(id, timestamp, signature, body, verify(id, timestamp, signature, body), Instant.now()));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /**
     * As the Standard Webhooks specification tells a receiver: the timestamp within five minutes of now, and one of
     * the space-separated {@code v1,<base64>} signatures equal (in constant time) to HMAC-SHA256 of
     * {@code id.timestamp.body} keyed with the base64-decoded secret after {@code whsec_}.
     */
    boolean verify(String id, String timestamp, String signatures, String body) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            long sent = Long.parseLong(timestamp);
            if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String versioned : signatures.split(" ")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

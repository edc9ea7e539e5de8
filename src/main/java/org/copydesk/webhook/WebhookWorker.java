package org.copydesk.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;
import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.copydesk.web.BackOff;
import org.copydesk.web.OutboxSenders;
import org.copydesk.web.CopydeskConfig;
import org.jboss.logging.Logger;

/**
 * Sends the outbox, on every node: {@code copydesk.webhooks.senders} threads, each taking one due delivery at a
 * time, woken when a change on this node wrote deliveries and otherwise every {@code copydesk.webhooks.poll-every}.
 * <p>
 * <b>How a claim survives a node dying.</b> A sender claims a delivery by locking its row
 * ({@code FOR UPDATE SKIP LOCKED}) in a transaction that stays open while the request is sent, and records the answer
 * in that same transaction. Other nodes skip the locked row, so in the normal case each delivery is sent once. If the
 * node dies mid-delivery, its connection to PostgreSQL goes with it, the transaction rolls back and the lock is
 * released: the row is as it was before the claim (still due), and another node sends it at its next look, at once
 * rather than after a lease runs out. Nothing is lost; the receiver may get that message twice (at least once), and
 * the {@code webhook-id} lets it drop the repeat. The price is a database connection held per delivery in flight
 * (at most {@code senders} per node, each for at most the request's timeout).
 * <p>
 * Plain SQL, not Hibernate: the sender's look every second must not show in the statement counts of the pages.
 * One row at a time: a backlog of thousands is never in memory at once.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int ERROR_MAX = 200;

    @Inject
    CopydeskConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile OutboxSenders senders;
    private volatile Instant lastComplaint = Instant.EPOCH;
    private volatile Instant nextClearing = Instant.EPOCH;
    private HttpClient http;

    void start(@Observes StartupEvent event) {
        CopydeskConfig.Webhooks settings = config.webhooks();
        http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        // Old deliveries are cleared by a sender between two looks (at most hourly), as nobody waits on them.
        senders = new OutboxSenders("webhook-sender", () -> {
            clearOldDeliveries();
            return sendOne();
        }, this::complain, settings.pollEvery());
        senders.start(settings.senders());
    }

    /**
     * Stops looking; a delivery being sent gets a few seconds to finish. One still in flight after that ends with the
     * process: its transaction rolls back, and another node (or this one, started again) sends it.
     */
    void stop(@Observes ShutdownEvent event) {
        if (senders != null) {
            senders.stop();
        }
    }

    /** Deliveries were written on this node: look now rather than at the next poll. */
    public void wake() {
        if (senders != null) {
            senders.wake();
        }
    }

    /** Claims one due delivery, sends it and records the answer, all in one transaction; false when none was due. */
    boolean sendOne() {
        int timeoutSeconds = (int) Math.max(30, config.webhooks().timeout().toSeconds() * 3);
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Claimed claimed = claim(connection);
                if (claimed == null) {
                    return false;
                }
                Instant attemptedAt = Instant.now(clock);
                Outcome outcome = send(claimed, attemptedAt);
                record(connection, claimed, attemptedAt, outcome);
                return true;
            }
        });
    }

    /** A claimed delivery: what it takes to send it. */
    record Claimed(long id, String messageId, String payload, int attempts, Instant firstAttemptAt, String url, String secret) {
    }

    /** What one attempt came to: the status code (null when there was no answer) and what went wrong. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private Claimed claim(Connection connection) throws SQLException {
        try (PreparedStatement due = connection.prepareStatement(
                "select d.id, d.message_id, d.payload, d.attempts, d.first_attempt_at, e.url, e.secret "
                        + "from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id "
                        + "where d.status in ('pending', 'retrying') and d.next_attempt_at <= ? and e.enabled "
                        + "order by d.next_attempt_at limit 1 for update of d skip locked")) {
            due.setObject(1, at(Instant.now(clock)));
            try (ResultSet row = due.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                OffsetDateTime first = row.getObject(5, OffsetDateTime.class);
                return new Claimed(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                        first == null ? null : first.toInstant(), row.getString(6), row.getString(7));
            }
        }
    }

    private Outcome send(Claimed delivery, Instant attemptedAt) {
        long timestamp = attemptedAt.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Copydesk-Webhooks")
                    .header("webhook-id", delivery.messageId())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp,
                            delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return new Outcome(code, code >= 200 && code < 300 ? null : "Answered " + code);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "No answer within " + config.webhooks().timeout().toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, failure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while sending", e);
        }
    }

    private void record(Connection connection, Claimed delivery, Instant attemptedAt, Outcome outcome) throws SQLException {
        int attempts = delivery.attempts() + 1;
        Instant first = delivery.firstAttemptAt() == null ? attemptedAt : delivery.firstAttemptAt();
        String status;
        Instant next = attemptedAt;
        if (outcome.delivered()) {
            status = WebhookDelivery.DELIVERED;
        } else {
            next = attemptedAt.plus(backOff(attempts));
            status = next.isAfter(first.plus(config.webhooks().retryFor())) ? WebhookDelivery.FAILED : WebhookDelivery.RETRYING;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update webhook_delivery set status = ?, attempts = ?, first_attempt_at = ?, last_attempt_at = ?, "
                        + "next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ? where id = ?")) {
            update.setString(1, status);
            update.setInt(2, attempts);
            update.setObject(3, at(first));
            update.setObject(4, at(attemptedAt));
            update.setObject(5, at(next));
            update.setObject(6, outcome.statusCode(), java.sql.Types.INTEGER);
            update.setString(7, outcome.error());
            update.setObject(8, outcome.delivered() ? at(Instant.now(clock)) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            update.setLong(9, delivery.id());
            update.executeUpdate();
        }
        if (!outcome.delivered()) {
            LOG.infof("Webhook delivery %s to %s: attempt %d failed (%s); %s", delivery.messageId(), delivery.url(), attempts,
                    outcome.error(), WebhookDelivery.FAILED.equals(status) ? "given up" : "next at " + next);
        }
    }

    /**
     * Once an hour, by whichever sender comes first on this node: deliveries delivered or given up on longer ago than
     * {@code copydesk.webhooks.keep} are deleted (each holds a story's whole ninjs), a thousand at a time.
     */
    void clearOldDeliveries() {
        Instant now = Instant.now(clock);
        synchronized (this) {
            if (now.isBefore(nextClearing)) {
                return;
            }
            nextClearing = now.plus(Duration.ofHours(1));
        }
        try {
            clearDeliveriesBefore(now.minus(config.webhooks().keep()));
        } catch (RuntimeException e) {
            complain(e);
        }
    }

    /** Deletes the deliveries delivered or given up on that were made before {@code before}; how many. */
    int clearDeliveriesBefore(Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement delete = connection.prepareStatement("delete from webhook_delivery where id in "
                             + "(select id from webhook_delivery where status in ('delivered', 'failed') and created_at < ? "
                             + "limit 1000)")) {
                    delete.setObject(1, at(before));
                    return delete.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    /** The wait after the attempt numbered {@code attempts} failed: base × 2^(attempts-1), at most the maximum, ±20 %. */
    Duration backOff(int attempts) {
        return BackOff.after(attempts, config.webhooks().retryBase(), config.webhooks().retryMax());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What went wrong with an attempt, in the words the desk's list shows (not a Java class name). */
    static String failure(Exception e) {
        if (e instanceof ConnectException) {
            return "Connection refused (nothing answers at that address and port)";
        }
        if (e instanceof UnknownHostException) {
            return "Unknown host name: " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "The secure connection failed: " + shortly(e);
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("closed")) {
            return "The connection was closed before an answer";
        }
        return "Could not send: " + shortly(e);
    }

    /** What went wrong, in a line: the exception's kind and message, no stack. */
    private static String shortly(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX) : message;
    }

    /** The database away or the like: said once a minute at most, then the next look tries again. */
    private void complain(RuntimeException e) {
        Instant now = Instant.now();
        if (now.isAfter(lastComplaint.plusSeconds(60))) {
            lastComplaint = now;
            LOG.warnf("Webhook deliveries could not be sent now (%s); trying again", shortly(e));
        }
    }
}

package org.copydesk.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.hibernate.query.NativeQuery;

import org.copydesk.publishing.PublicChange;
import org.copydesk.story.Story;

/**
 * Writes the outbox: for each public change of a story that a webhook tells of, one delivery per enabled endpoint
 * that asked for the event, while the change's transaction is in progress (a plain observer, as the audit log's), so
 * the deliveries commit with the change or not at all. Nothing is sent here: the publication never waits for a
 * receiver. After the commit this node's {@link WebhookWorker} is woken to send them at once.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    WebhookPayloads payloads;

    @Inject
    WebhookWorker worker;

    @Inject
    Clock clock;

    void publicChange(@Observes PublicChange change) {
        WebhookEvent event = WebhookEvent.of(change.kind()).orElse(null);
        // An archive brought in is not news: partners read it from the API (since=), not as thousands of messages.
        if (event == null || change.storyId() == null || change.imported()) {
            return;
        }
        List<WebhookEndpoint> endpoints = WebhookEndpoint.listEnabled().stream().filter(e -> e.receives(event)).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        // In this transaction's persistence context already: found there, as the change left it.
        Story story = Story.findById(change.storyId());
        String payload = payloads.envelope(event, now, story);
        // Inserted at once rather than persisted: the payload (a long story's is megabytes) is not held by the
        // persistence context until the commit, which the scheduler's may make for many stories together. Only this
        // table is flushed for it (the story's own changes stay for the commit, as they would).
        for (WebhookEndpoint endpoint : endpoints) {
            WebhookDelivery.getEntityManager().createNativeQuery("insert into webhook_delivery (id, endpoint_id, event_type, "
                            + "story_id, message_id, payload, status, attempts, next_attempt_at, created_at) values "
                            + "(nextval('webhook_delivery_seq'), ?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?6)")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("webhook_delivery")
                    .setParameter(1, endpoint.id).setParameter(2, event.type()).setParameter(3, story.id)
                    .setParameter(4, WebhookSignature.newMessageId()).setParameter(5, payload).setParameter(6, now)
                    .executeUpdate();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        if (WebhookEvent.of(change.kind()).isPresent()) {
            worker.wake();
        }
    }
}

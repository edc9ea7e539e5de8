package org.copydesk.webhook;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.distribution.NinjsStories;
import org.copydesk.story.Story;
import org.copydesk.web.PublicAddress;
import org.copydesk.web.Times;

/**
 * The body of a delivery: the Standard Webhooks envelope {@code {"type", "timestamp", "data"}}, with the story's
 * ninjs as its data. Made when the change is made (in its transaction), so a delivery retried a day later still
 * says what the change was.
 */
@ApplicationScoped
public class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NinjsStories ninjs;

    @Inject
    PublicAddress address;

    public String envelope(WebhookEvent event, Instant at, Story story) {
        try {
            // Written around the ninjs as it comes (a long story's is a megabyte): not parsed and written again.
            return "{\"type\":" + JSON.writeValueAsString(event.type()) + ",\"timestamp\":" + JSON.writeValueAsString(Times.iso(at))
                    + ",\"data\":" + ninjs(story, event == WebhookEvent.UNPUBLISHED) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the envelope could not be written", e);
        }
    }

    /**
     * The story's ninjs 2.0 as the content API gives it (distribution.NinjsStories, addresses on the configured public
     * address). Unpublished, it is only its {@code uri} and {@code pubstatus: "canceled"}: the story is no longer
     * readers', so its copy is not sent out again.
     */
    String ninjs(Story story, boolean canceled) throws JsonProcessingException {
        if (!canceled) {
            return ninjs.json(story);
        }
        ObjectNode gone = JSON.createObjectNode();
        gone.put("uri", NinjsStories.uri(story, address.baseWithoutRequest()));
        gone.put("pubstatus", "canceled");
        return JSON.writeValueAsString(gone);
    }
}

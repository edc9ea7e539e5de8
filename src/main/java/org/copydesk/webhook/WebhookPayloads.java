package org.copydesk.webhook;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.story.Story;
import org.copydesk.web.CopydeskConfig;
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
    CopydeskConfig config;

    public String envelope(WebhookEvent event, Instant at, Story story) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", event.type());
        envelope.put("timestamp", Times.iso(at));
        try {
            envelope.set("data", JSON.readTree(ninjs(story, event == WebhookEvent.UNPUBLISHED)));
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the story's ninjs is not JSON", e);
        }
    }

    /**
     * The story's ninjs. Until the content API's ninjs (distribution.NinjsStories) is in, the few fields every
     * receiver needs: its address, headline, summary, language, times and publication status ({@code canceled}
     * once unpublished).
     */
    String ninjs(Story story, boolean canceled) throws JsonProcessingException {
        ObjectNode ninjs = JSON.createObjectNode();
        ninjs.put("uri", config.publicUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + story.publicPath);
        ninjs.put("type", "text");
        ninjs.put("pubstatus", canceled ? "canceled" : "usable");
        ninjs.put("headline", story.headline);
        if (story.standfirst != null) {
            ninjs.put("description_text", story.standfirst);
        }
        ninjs.put("language", story.language);
        if (story.firstPublishedAt != null) {
            ninjs.put("firstcreated", Times.iso(story.firstPublishedAt));
        }
        ninjs.put("versioncreated", Times.iso(story.lastPublishedAt != null ? story.lastPublishedAt : story.updatedAt));
        return JSON.writeValueAsString(ninjs);
    }
}

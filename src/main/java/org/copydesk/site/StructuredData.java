package org.copydesk.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.story.BodyHtml;
import org.copydesk.story.Byline;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCorrection;
import org.copydesk.story.Tag;
import org.copydesk.web.Times;

/** schema.org NewsArticle JSON-LD for a story page. */
@ApplicationScoped
public class StructuredData {

    @Inject
    ObjectMapper json;

    /**
     * The JSON, safe to place inside a {@code <script>} element: Jackson escapes quotes and control
     * characters, and "<" is escaped here so no "</script>" can close the element early.
     */
    public String newsArticle(Story story, String absoluteUrl, String baseUrl, SiteInfo.Settings settings, String dateline) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("mainEntityOfPage", absoluteUrl);
        article.put("url", absoluteUrl);
        article.put("headline", story.headline);
        if (story.standfirst != null) {
            article.put("description", story.standfirst);
        }
        article.put("datePublished", Times.iso(story.firstPublishedAt));
        article.put("dateModified", Times.iso(story.lastPublishedAt != null ? story.lastPublishedAt : story.firstPublishedAt));
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Byline byline : story.bylines) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", byline.author.name);
            person.put("url", baseUrl + byline.author.url());
            authors.add(person);
        }
        article.put("author", authors);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", settings.siteName());
        publisher.put("url", baseUrl + "/");
        article.put("publisher", publisher);
        article.put("articleSection", story.section.name);
        if (!story.tags.isEmpty()) {
            article.put("keywords", story.tags.stream().map((Tag t) -> t.name).toList());
        }
        if (dateline != null) {
            article.put("dateline", dateline);
        }
        if (!story.corrections.isEmpty()) {
            List<Map<String, Object>> corrections = new ArrayList<>();
            for (StoryCorrection correction : story.corrections) {
                Map<String, Object> comment = new LinkedHashMap<>();
                comment.put("@type", "CorrectionComment");
                comment.put("text", correction.text);
                comment.put("datePublished", Times.iso(correction.createdAt));
                corrections.add(comment);
            }
            article.put("correction", corrections);
        }
        article.put("wordCount", wordCount(BodyHtml.toPlainText(story.body)));
        try {
            return json.writeValueAsString(article).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}

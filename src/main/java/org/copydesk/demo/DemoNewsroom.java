package org.copydesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.media.Image;
import org.copydesk.media.ImageStore;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;

/**
 * A day's paper around the wire story: a dozen stories in every section (demo/newsroom.json), with pictures, tags,
 * several authors, role lines, a related story and a correction, so every kind of reader's page has something to
 * show and to be judged by.
 */
@ApplicationScoped
class DemoNewsroom {

    static final String STORIES = "/demo/newsroom.json";

    /** One story as demo/newsroom.json gives it. */
    record DemoStory(String section, String dateline, String tags, String headline, String standfirst,
                     List<DemoByline> bylines, DemoImage image, List<String> body, String correction, Integer relatedTo) {
    }

    record DemoByline(String name, String role) {
    }

    record DemoImage(float hue, String alt, String caption, String credit) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    StoryService stories;

    @Inject
    StaffService staff;

    @Inject
    ImageStore images;

    /**
     * Publishes them, the file's last first: the first is the newest, the front page's lead. A story's
     * {@code relatedTo} names an earlier one in the file by its place (from 0), published before it.
     */
    void publish(StaffAccount reporter, StaffAccount editor) {
        List<DemoStory> all = read();
        List<Story> published = new ArrayList<>(java.util.Collections.nCopies(all.size(), (Story) null));
        for (int i = all.size() - 1; i >= 0; i--) {
            published.set(i, publish(all.get(i), i, published, reporter, editor));
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).correction() != null) {
                stories.addCorrection(published.get(i).id, all.get(i).correction(), editor);
            }
        }
    }

    private Story publish(DemoStory demo, int place, List<Story> published, StaffAccount reporter, StaffAccount editor) {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = demo.headline();
        form.standfirst = demo.standfirst();
        form.body = String.join("", demo.body().stream().map(DemoNewsroom::paragraph).toList());
        form.sectionId = Section.findBySlug(demo.section()).map(s -> s.id).orElseThrow();
        form.datelinePlace = demo.dateline();
        form.tags = demo.tags();
        for (DemoByline byline : demo.bylines()) {
            AuthorProfile author = AuthorProfile.findByName(byline.name()).orElseGet(() -> staff.newAuthorProfile(byline.name()));
            form.bylines.add(new StoryForm.BylineRow(author.id, author.name, byline.role() == null ? "" : byline.role(), false));
        }
        if (demo.image() != null) {
            Image image = images.store(DemoPictures.landscape(demo.image().hue(), place), reporter.id);
            form.imageKey = image.publicKey;
            form.imageAlt = demo.image().alt();
            form.imageCaption = demo.image().caption();
            form.imageCredit = demo.image().credit();
        }
        if (demo.relatedTo() != null) {
            // Related to a story further down the file: already published only if it comes later in the file.
            Story other = published.get(demo.relatedTo());
            if (other != null) {
                form.related.add(new StoryForm.RelatedRow(other.id, other.headline, other.state.name()));
            }
        }
        Story story = stories.save(null, form.build(), reporter, StoryAction.SUBMIT);
        stories.act(story.id, StoryAction.PUBLISH, editor, null);
        return story;
    }

    private static String paragraph(String text) {
        return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>";
    }

    private List<DemoStory> read() {
        try (InputStream in = DemoNewsroom.class.getResourceAsStream(STORIES)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + STORIES);
            }
            return List.of(json.readValue(in, DemoStory[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

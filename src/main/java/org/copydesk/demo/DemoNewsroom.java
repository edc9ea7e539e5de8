package org.copydesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.live.EntryForm;
import org.copydesk.live.LiveCoverage;
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
 * A day's paper around the wire story: about thirty stories in every section (demo/newsroom.json, newest first), with
 * pictures, tags, several authors, role lines, related stories and a correction, so the front page has its lead,
 * second tier, Latest list and section blocks, and every kind of reader's page something to show and be judged by.
 */
@ApplicationScoped
class DemoNewsroom {

    static final String STORIES = "/demo/newsroom.json";

    /** One story as demo/newsroom.json gives it. */
    record DemoStory(String section, String dateline, String tags, String kicker, String headline, String standfirst,
                     List<DemoByline> bylines, DemoImage image, List<String> body, String correction, List<DemoEntry> live) {
    }

    /** An entry of a live story, oldest first. */
    record DemoEntry(String text, boolean keyEvent) {
    }

    record DemoByline(String name, String role) {
    }

    /** A picture drawn in this hue (0–1): {@link DemoPictures}. */
    record DemoImage(float hue) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    StoryService stories;

    @Inject
    StaffService staff;

    @Inject
    ImageStore images;

    @Inject
    LiveCoverage liveCoverage;

    /**
     * Publishes them, the file's last first, so the first is the newest (the front page's lead); each story is
     * related to the one published before it in its section.
     */
    void publish(StaffAccount reporter, StaffAccount editor) {
        List<DemoStory> all = read();
        java.util.Map<String, Story> latestInSection = new java.util.HashMap<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            DemoStory demo = all.get(i);
            Story story = publish(demo, i, latestInSection.get(demo.section()), reporter, editor);
            latestInSection.put(demo.section(), story);
            if (demo.correction() != null) {
                stories.addCorrection(story.id, demo.correction(), editor);
            }
            // A live story: its entries posted one after the other, the last the newest.
            for (DemoEntry entry : demo.live() == null ? List.<DemoEntry>of() : demo.live()) {
                liveCoverage.post(story.id, new EntryForm(entry.text(), entry.keyEvent(), null, "", "", "", "", false, ""), reporter);
            }
        }
    }

    private Story publish(DemoStory demo, int place, Story earlierInSection, StaffAccount reporter, StaffAccount editor) {
        StoryForm.Builder form = StoryForm.builder();
        form.kicker = demo.kicker() == null ? "" : demo.kicker();
        form.headline = demo.headline();
        form.standfirst = demo.standfirst();
        form.body = String.join("", demo.body().stream().map(DemoNewsroom::paragraph).toList());
        form.sectionId = Section.findBySlug(demo.section()).map(s -> s.id).orElseThrow();
        form.datelinePlace = demo.dateline();
        form.live = demo.live() != null;
        form.tags = demo.tags();
        for (DemoByline byline : demo.bylines()) {
            AuthorProfile author = AuthorProfile.findByName(byline.name()).orElseGet(() -> staff.newAuthorProfile(byline.name()));
            form.bylines.add(new StoryForm.BylineRow(author.id, author.name, byline.role() == null ? "" : byline.role(), false));
        }
        if (demo.image() != null) {
            Image image = images.store(DemoPictures.landscape(demo.image().hue(), place), reporter.id);
            form.imageKey = image.publicKey;
            // Said as it is: a drawn picture, not the photograph a real story would carry.
            form.imageAlt = "Layers of hills under a pale sky, drawn for the demo";
            form.imageCaption = demo.dateline() + ": a drawn picture standing in for a photograph.";
            form.imageCredit = "Copydesk demo";
        }
        if (earlierInSection != null) {
            form.related.add(new StoryForm.RelatedRow(earlierInSection.id, earlierInSection.headline, "Published"));
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

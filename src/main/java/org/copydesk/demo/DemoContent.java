package org.copydesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.site.SettingsForm;
import org.copydesk.site.SettingsService;
import org.copydesk.site.SiteSettings;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.WireCopy;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Newsroom;
import org.jboss.logging.Logger;

/**
 * Dev mode's demo newsroom (copydesk.demo-content=true): a reporter and an editor, and the example
 * agency story published in World with its byline and a Moscow dateline, with its Turkish and Arabic
 * translations, so a newcomer sees a real story, in three languages, at once. Runs only on an empty database, after the first admin exists.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    static final String WIRE_STORY = "/demo/mali-denies-hiring-russian-pmc.txt";

    @Inject
    CopydeskConfig config;

    @Inject
    StaffService staff;

    @Inject
    StoryService stories;

    @Inject
    SettingsService settings;

    @Inject
    DemoStories moreStories;

    @Transactional
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!config.demoContent() || Story.count() > 0) {
            return;
        }
        String demoPassword = config.demo().password();
        StaffAccount editor = staff.createAccount("editor", demoPassword, "Erin Editor", Role.EDITOR, null);
        StaffAccount reporter = staff.createAccount("reporter", demoPassword, "Riley Reporter", Role.REPORTER, null);
        newsroomInSixLanguages(editor);
        moreStories.publish(reporter, editor);
        Story wireStory = publishWireStory(reporter, editor);
        publishTranslation(wireStory, "tr", "Moskova", reporter, editor);
        publishTranslation(wireStory, "ar", "موسكو", reporter, editor);
        LOG.infof("Demo content loaded: staff 'reporter' and 'editor' (password '%s') and the example story", demoPassword);
    }

    /** The agency's languages: English first (the site's own), then the ones the demo's translations are in. */
    private void newsroomInSixLanguages(StaffAccount admin) {
        SiteSettings current = SiteSettings.current();
        settings.save(new SettingsForm(current.siteName, current.agencyCredit, current.datelineFormat, "en tr ar fr de es"), admin);
    }

    /** The wire story translated as a translator would: Translate, write over the copy, submit, publish. */
    private void publishTranslation(Story original, String language, String datelinePlace, StaffAccount translator,
                                    StaffAccount editor) {
        Story draft = stories.translate(original.id, language, translator);
        WireCopy.Parsed words = WireCopy.parse(readResource(WIRE_STORY.replace(".txt", "." + language + ".txt")));
        StoryForm.Builder form = StoryForm.fromStory(draft, Newsroom.zone()).toBuilder();
        form.headline = words.headline();
        form.standfirst = words.standfirst();
        form.body = words.bodyHtml();
        form.datelinePlace = datelinePlace;
        form.slug = ""; // made from the translated headline
        Story submitted = stories.save(draft.id, form.build(), translator, StoryAction.SUBMIT);
        stories.act(submitted.id, StoryAction.PUBLISH, editor, null);
    }

    private Story publishWireStory(StaffAccount reporter, StaffAccount editor) {
        WireCopy.Parsed wire = WireCopy.parse(readResource(WIRE_STORY));
        StoryForm.Builder form = StoryForm.builder();
        form.headline = wire.headline();
        form.standfirst = wire.standfirst();
        form.body = wire.bodyHtml();
        form.sectionId = Section.findBySlug("world").map(s -> s.id).orElseThrow();
        form.datelinePlace = "Moscow";
        form.tags = "Mali, Russia, France";
        if (wire.bylineName() != null) {
            AuthorProfile author = AuthorProfile.findByName(wire.bylineName())
                    .orElseGet(() -> staff.newAuthorProfile(wire.bylineName()));
            form.bylines.add(new StoryForm.BylineRow(author.id, author.name, "", false));
        }
        Story story = stories.save(null, form.build(), reporter, StoryAction.SUBMIT);
        stories.act(story.id, StoryAction.PUBLISH, editor, null);
        return story;
    }

    private static String readResource(String path) {
        try (InputStream in = DemoContent.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.copydesk.story;

import java.util.List;
import java.util.Optional;

import org.copydesk.web.FormErrors;
import org.copydesk.web.Slugs;
import org.copydesk.web.Text;

/**
 * The story form's rules that Bean Validation on {@link StoryForm} does not hold, because they need the database
 * (is the section there, is the slug free, does a new tag look like a stored one, is the image still there) or
 * the button pressed (Schedule needs a time). Run after the constraints: a field that already has a message keeps
 * it ({@link FormErrors#add} keeps the first), so these come second on their field, as they always did.
 */
final class StoryFormChecks {

    private StoryFormChecks() {
    }

    /** Adds to {@code errors}; {@code liveId} is the story whose slug this one may keep (null for a new story). */
    static void check(StoryForm form, Long liveId, FormErrors errors) {
        String slug = form.slug().strip();
        if (!slug.isEmpty()) {
            if (!Slugs.isValid(slug) || slug.length() > Story.SLUG_MAX) {
                errors.add("slug", "Slug must be lower-case letters, digits and single hyphens, at most "
                        + Story.SLUG_MAX + " characters (for example " + suggestedSlug(form) + ")");
            } else if (Story.slugTaken(slug, liveId)) {
                errors.add("slug", "Another story already uses this slug");
            }
        }
        if (form.sectionId() == null || Section.findById(form.sectionId()) == null) {
            errors.add("section", "Choose a section");
        }
        if (!Text.isBlank(form.language()) && org.copydesk.language.Languages.parse(form.language()).isEmpty()) {
            errors.add("language", "Choose the language the story is written in");
        }
        checkTags(form.tagNames(), errors);
        if (!Text.isBlank(form.imageKey())) {
            if (org.copydesk.media.Image.findByKey(form.imageKey().strip()).isEmpty()) {
                errors.add("imageFile", "The image is no longer there: upload it again");
            } else if (Text.isBlank(form.imageAlt())) {
                errors.add("imageAlt", "Describe the image for readers who cannot see it");
            }
        }
        if ("schedule".equals(form.action())) {
            if (Text.isBlank(form.publishAt())) {
                errors.add("publishAt", "Choose the date and time to publish at");
            } else if (form.scheduleAt() == null) {
                errors.add("publishAt", "Enter the date and time to publish at, like 2026-11-28 18:30");
            }
        }
    }

    /** Each tag in turn; the first tag with a problem gives the message. */
    private static void checkTags(List<String> tags, FormErrors errors) {
        List<String> existingTagNames = null;
        for (String tag : tags) {
            Optional<String> mixedScripts = TagSpelling.mixedScripts(tag);
            if (Text.length(tag) > Tag.NAME_MAX) {
                errors.add("tags", "Each tag must be " + Tag.NAME_MAX + " characters or fewer");
            } else if (Slugs.of(tag, 90).isEmpty()) {
                errors.add("tags", "Tag “" + tag + "” needs at least one letter or digit");
            } else if (mixedScripts.isPresent()) {
                errors.add("tags", mixedScripts.get());
            } else if (TagSpelling.worthComparing(tag) && Tag.findBySlug(Slugs.of(tag, 90)).isEmpty()) {
                // A new tag beyond plain ASCII: compared with every existing tag (read once, only then).
                if (existingTagNames == null) {
                    existingTagNames = Tag.getEntityManager().createQuery("select t.name from Tag t", String.class).getResultList();
                }
                TagSpelling.lookalike(tag, existingTagNames)
                        .ifPresent(existing -> errors.add("tags", TagSpelling.lookalikeMessage(tag, existing)));
            }
        }
    }

    private static String suggestedSlug(StoryForm form) {
        String suggestion = Slugs.of(form.slug().isBlank() ? form.headline() : form.slug(), Story.SLUG_MAX);
        return suggestion.isEmpty() ? "mali-denies-hiring" : suggestion;
    }
}

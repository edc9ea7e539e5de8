package org.copydesk.revision;

import java.util.List;
import java.util.stream.Collectors;

import org.copydesk.story.BodyHtml;
import org.copydesk.story.Story;
import org.copydesk.story.StoryForm;

/** What a revision keeps of a story: every field a writer or editor can change. Stored as JSON. */
public record RevisionContent(String headline, String standfirst, String kicker, String body, String slug,
                              Long sectionId, String sectionName, String tags, List<BylineSnapshot> bylines,
                              String creditLine, String datelinePlace, String datelineDate, String notesToEditor,
                              List<RelatedSnapshot> related, String imageKey, String imageAlt, String imageCaption,
                              String imageCredit, String language) {

    /** A byline as it stood. */
    public record BylineSnapshot(Long authorId, String name, String roleLine) {
    }

    /** A related story as it stood. */
    public record RelatedSnapshot(Long id, String headline) {
    }

    public static RevisionContent of(Story story) {
        return new RevisionContent(story.headline, story.standfirst, story.kicker, story.body, story.slug,
                story.section == null ? null : story.section.id, story.section == null ? null : story.section.name,
                story.tags.stream().map(t -> t.name).collect(Collectors.joining(", ")),
                story.bylines.stream().map(b -> new BylineSnapshot(b.author.id, b.author.name, b.roleLine)).toList(),
                story.creditLine, story.datelinePlace, story.datelineDate == null ? null : story.datelineDate.toString(),
                story.notesToEditor, story.related.stream().map(r -> new RelatedSnapshot(r.id, r.headline)).toList(),
                story.featuredImage == null ? null : story.featuredImage.publicKey, story.featuredImageAlt,
                story.featuredImageCaption, story.featuredImageCredit, story.language);
    }

    /** The body as readable text, a paragraph a line, for comparing. */
    public String bodyText() {
        return BodyHtml.toParagraphText(body);
    }

    public String bylinesText() {
        return bylines == null ? "" : bylines.stream()
                .map(b -> b.name() + (b.roleLine() == null ? "" : " (" + b.roleLine() + ")"))
                .collect(Collectors.joining("; "));
    }

    /** The featured image in words, for comparing: its alt text, caption and credit. */
    public String imageText() {
        return imageKey == null ? "" : "Image “" + (imageAlt == null ? "" : imageAlt) + "”"
                + (imageCaption == null ? "" : " · " + imageCaption) + (imageCredit == null ? "" : " · " + imageCredit);
    }

    public String relatedText() {
        return related == null ? "" : related.stream().map(RelatedSnapshot::headline).collect(Collectors.joining("; "));
    }

    /** The form as it would be filled from this revision (to restore it), against the story's current version. */
    public StoryForm toForm(long storyId, int version) {
        RevisionContent content = this;
        StoryForm.Builder form = StoryForm.builder();
        form.id = storyId;
        form.version = version;
        form.headline = orEmpty(content.headline());
        form.standfirst = orEmpty(content.standfirst());
        form.kicker = orEmpty(content.kicker());
        form.body = orEmpty(content.body());
        form.slug = orEmpty(content.slug());
        // Revisions kept before stories had a language were of English stories.
        form.language = content.language() == null ? "en" : content.language();
        form.sectionId = content.sectionId();
        form.tags = orEmpty(content.tags());
        form.creditLine = orEmpty(content.creditLine());
        form.imageKey = orEmpty(content.imageKey());
        form.imageAlt = orEmpty(content.imageAlt());
        form.imageCaption = orEmpty(content.imageCaption());
        form.imageCredit = orEmpty(content.imageCredit());
        form.datelinePlace = orEmpty(content.datelinePlace());
        form.datelineDate = orEmpty(content.datelineDate());
        form.notesToEditor = orEmpty(content.notesToEditor());
        if (content.bylines() != null) {
            content.bylines().forEach(b -> form.bylines.add(new StoryForm.BylineRow(b.authorId(), b.name(), orEmpty(b.roleLine()), false)));
        }
        if (content.related() != null) {
            content.related().forEach(r -> form.related.add(new StoryForm.RelatedRow(r.id(), r.headline(), "")));
        }
        return form.build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

package org.copydesk.publishing;

/**
 * A change readers can see, announced through {@link Publication} inside the transaction that makes it.
 * Every observer of public changes (the audit log, the page cache, the figures, the in-memory search, and
 * whatever comes next: webhooks, notifications) listens for this one type.
 * <p>
 * It names what changed by id, not by entity: the seam sits below every package that writes public things
 * (people for authors, story for stories and sections, site for settings), so it can know none of them.
 *
 * @param version  the public version the change raised (set by {@link Publication#announce}; observers read it)
 * @param storyId  the story, for the story kinds; otherwise null
 * @param sectionId the section, for {@link Kind#SECTION_CHANGE}; otherwise null
 * @param authorId the author profile, for {@link Kind#AUTHOR_CHANGE}; otherwise null
 * @param actorId  the staff account that made it; null for the scheduler (and for changes with no known actor)
 * @param from     the story's state before (story kinds), otherwise null
 * @param to       the story's state after (story kinds), otherwise null
 * @param note     the comment given, the correction's text, or what the settings were and became
 * @param imported a story brought in from another system's archive (the WordPress import): a change like any other
 *                 for what readers see (the page cache, search, the audit log), but not news, so those who tell
 *                 other people of news (webhooks, notifications) leave it alone: an archive of thousands of posts
 *                 would otherwise reach every partner and author as "published" at once
 */
public record PublicChange(Kind kind, long version, Long storyId, Long sectionId, Long authorId, Long actorId,
                           String from, String to, String note, boolean imported) {

    /** The version of a change not announced yet. */
    static final long NOT_RAISED = PublicVersion.UNKNOWN;

    /**
     * The kinds of public change. The story kinds are named as the audit log and the figures name them
     * (audit.AuditAction, {@code copydesk_story_events_total{action=...}}), so their records read the same.
     */
    public enum Kind {
        /** A story published by an editor. */
        PUBLISH,
        /** A scheduled story published by the scheduler when its time came. */
        SCHEDULED_PUBLISH,
        /** A pending update published over its live story. */
        PUBLISH_UPDATE,
        /** A published story taken down. */
        UNPUBLISH,
        /** A correction added to a published story. */
        CORRECTION,
        /** A section made (sections are in every page's navigation). */
        SECTION_CHANGE,
        /** An author profile's name, bio or photo changed. */
        AUTHOR_CHANGE,
        /** The site settings (name, agency credit, dateline style) changed. */
        SETTINGS_CHANGE,
        /** A story made live coverage by an editor (its page shows entries from now on). */
        LIVE_STARTED,
        /** An entry posted on a live story. */
        LIVE_ENTRY_POSTED,
        /** A live entry's text changed after it was posted: it is shown as corrected. */
        LIVE_ENTRY_CORRECTED,
        /** A live entry taken off the page (its text stays in the audit log). */
        LIVE_ENTRY_DELETED,
        /** The live coverage ended by an editor: no more entries. */
        LIVE_ENDED;

        /** True for the kinds that change one story. */
        public boolean ofAStory() {
            return switch (this) {
                case PUBLISH, SCHEDULED_PUBLISH, PUBLISH_UPDATE, UNPUBLISH, CORRECTION -> true;
                default -> false;
            };
        }

        /** True for the kinds of a story's live coverage (live.LiveCoverage); {@link #ofAStory()} is false for them. */
        public boolean ofLiveCoverage() {
            return switch (this) {
                case LIVE_STARTED, LIVE_ENTRY_POSTED, LIVE_ENTRY_CORRECTED, LIVE_ENTRY_DELETED, LIVE_ENDED -> true;
                default -> false;
            };
        }
    }

    public static PublicChange ofStory(Kind kind, long storyId, Long actorId, String from, String to, String note) {
        if (!kind.ofAStory()) {
            throw new IllegalArgumentException(kind + " is not a change of a story");
        }
        return new PublicChange(kind, NOT_RAISED, storyId, null, null, actorId, from, to, note, false);
    }

    /** A change of a story brought in from another system's archive ({@link #imported()}). */
    public static PublicChange ofImportedStory(Kind kind, long storyId, Long actorId, String from, String to, String note) {
        PublicChange change = ofStory(kind, storyId, actorId, from, to, note);
        return new PublicChange(change.kind, change.version, change.storyId, null, null, change.actorId, change.from,
                change.to, change.note, true);
    }

    /**
     * A change of a story's live coverage. Not a change of the story for those who follow stories (search, the
     * story figures, webhooks): the story's own fields are as they were; its page and its entries' feed change.
     */
    public static PublicChange ofLiveCoverage(Kind kind, long storyId, Long actorId, String note) {
        if (!kind.ofLiveCoverage()) {
            throw new IllegalArgumentException(kind + " is not a change of live coverage");
        }
        return new PublicChange(kind, NOT_RAISED, storyId, null, null, actorId, null, null, note, false);
    }

    public static PublicChange ofSection(long sectionId, Long actorId) {
        return new PublicChange(Kind.SECTION_CHANGE, NOT_RAISED, null, sectionId, null, actorId, null, null, null, false);
    }

    public static PublicChange ofAuthor(long authorId, Long actorId) {
        return new PublicChange(Kind.AUTHOR_CHANGE, NOT_RAISED, null, null, authorId, actorId, null, null, null, false);
    }

    public static PublicChange ofSettings(Long actorId, String note) {
        return new PublicChange(Kind.SETTINGS_CHANGE, NOT_RAISED, null, null, null, actorId, null, null, note, false);
    }

    PublicChange raisedTo(long raised) {
        return new PublicChange(kind, raised, storyId, sectionId, authorId, actorId, from, to, note, imported);
    }
}

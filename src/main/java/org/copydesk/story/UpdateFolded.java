package org.copydesk.story;

/**
 * A pending update being published over its live story: what belonged to the update (its revisions, its
 * history in the audit log) now belongs to the story. Fired before the update is deleted, in its transaction.
 */
public record UpdateFolded(Story update, Story live) {
}

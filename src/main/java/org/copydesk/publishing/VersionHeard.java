package org.copydesk.publishing;

/**
 * The database told this node of a committed public version (a change made on any node, or the version read
 * on connecting again after a gap). Fired on the listener's thread before the version counts here, so that
 * what is kept in memory from public rows (site.SiteInfo: settings, sections) is read again first: a page
 * rendered at the new version never shows the old settings.
 */
public record VersionHeard(long version) {
}

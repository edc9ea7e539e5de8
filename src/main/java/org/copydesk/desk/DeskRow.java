package org.copydesk.desk;

import java.time.Instant;

/**
 * One story on the desk home, with what its row shows beyond the story itself, read in the same few queries as the
 * list: who is on its byline (or its writer when it has none), the time that matters in this list, who submitted it
 * (the review queue), and the editor's words when changes were requested.
 */
public record DeskRow(DeskStory story, String people, Instant at, String submittedBy, String changeRequest) {
}

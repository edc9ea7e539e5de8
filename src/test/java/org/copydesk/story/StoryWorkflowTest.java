package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.copydesk.story.StoryWorkflow.Subject.story;
import static org.copydesk.story.StoryWorkflow.Subject.update;

import java.util.EnumSet;

import org.copydesk.people.Role;
import org.copydesk.story.StoryWorkflow.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every allowed and every refused move of the story state machine. */
class StoryWorkflowTest {

    static final Actor OWN_REPORTER = new Actor(Role.REPORTER, true);
    static final Actor OTHER_REPORTER = new Actor(Role.REPORTER, false);
    static final Actor EDITOR = new Actor(Role.EDITOR, false);
    static final Actor ADMIN = new Actor(Role.ADMIN, false);
    static final Actor NOBODY = new Actor(null, false);

    @Test
    void reporterSubmitsTheirOwnDraftOrRevision() {
        assertThat(StoryWorkflow.next(story(StoryState.DRAFT), StoryAction.SUBMIT, OWN_REPORTER, null)).isEqualTo(StoryState.IN_REVIEW);
        assertThat(StoryWorkflow.next(story(StoryState.CHANGES_REQUESTED), StoryAction.SUBMIT, OWN_REPORTER, null))
                .isEqualTo(StoryState.IN_REVIEW);
        assertThat(StoryWorkflow.next(update(StoryState.DRAFT), StoryAction.SUBMIT, OWN_REPORTER, null))
                .isEqualTo(StoryState.IN_REVIEW);
    }

    @Test
    void reporterCannotSubmitAnotherReportersStory() {
        assertThatThrownBy(() -> StoryWorkflow.next(story(StoryState.DRAFT), StoryAction.SUBMIT, OTHER_REPORTER, null))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("their own");
    }

    @Test
    void editorsMaySubmitAnyDraft() {
        assertThat(StoryWorkflow.next(story(StoryState.DRAFT), StoryAction.SUBMIT, EDITOR, null)).isEqualTo(StoryState.IN_REVIEW);
        assertThat(StoryWorkflow.next(story(StoryState.DRAFT), StoryAction.SUBMIT, ADMIN, null)).isEqualTo(StoryState.IN_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"})
    void onlyDraftsAndRevisionsCanBeSubmitted(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.SUBMIT, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorPublishesAStoryInReviewOrAgainAfterUnpublishing() {
        assertThat(StoryWorkflow.next(story(StoryState.IN_REVIEW), StoryAction.PUBLISH, EDITOR, null)).isEqualTo(StoryState.PUBLISHED);
        assertThat(StoryWorkflow.next(story(StoryState.IN_REVIEW), StoryAction.PUBLISH, ADMIN, null)).isEqualTo(StoryState.PUBLISHED);
        assertThat(StoryWorkflow.next(story(StoryState.UNPUBLISHED), StoryAction.PUBLISH, EDITOR, null))
                .isEqualTo(StoryState.PUBLISHED);
    }

    @ParameterizedTest
    @EnumSource(StoryState.class)
    void reporterCannotPublishScheduleUnpublishOrPublishUpdates(StoryState from) {
        for (StoryAction action : EnumSet.of(StoryAction.PUBLISH, StoryAction.SCHEDULE, StoryAction.CANCEL_SCHEDULE,
                StoryAction.UNPUBLISH, StoryAction.PUBLISH_UPDATE, StoryAction.REQUEST_CHANGES)) {
            assertThatThrownBy(() -> StoryWorkflow.next(story(from), action, OWN_REPORTER, "x"))
                    .as(action + " from " + from).isInstanceOf(WorkflowRefusedException.class)
                    .hasMessageContaining("Only an editor");
            assertThatThrownBy(() -> StoryWorkflow.next(update(from), action, OWN_REPORTER, "x"))
                    .isInstanceOf(WorkflowRefusedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"IN_REVIEW", "UNPUBLISHED"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyAStoryInReviewOrUnpublishedCanBePublished(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.PUBLISH, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorRequestsChangesWithAComment() {
        assertThat(StoryWorkflow.next(story(StoryState.IN_REVIEW), StoryAction.REQUEST_CHANGES, EDITOR, "Check the quote"))
                .isEqualTo(StoryState.CHANGES_REQUESTED);
        assertThatThrownBy(() -> StoryWorkflow.next(story(StoryState.IN_REVIEW), StoryAction.REQUEST_CHANGES, EDITOR, "  "))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("comment");
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void changesCanOnlyBeRequestedInReview(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.REQUEST_CHANGES, EDITOR, "x"))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorSchedulesAStoryInReviewAndCanCancelBackToReview() {
        assertThat(StoryWorkflow.next(story(StoryState.IN_REVIEW), StoryAction.SCHEDULE, EDITOR, null))
                .isEqualTo(StoryState.SCHEDULED);
        assertThat(StoryWorkflow.next(story(StoryState.SCHEDULED), StoryAction.CANCEL_SCHEDULE, EDITOR, null))
                .isEqualTo(StoryState.IN_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void onlyAStoryInReviewCanBeScheduled(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.SCHEDULE, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAScheduledStoryCanHaveItsScheduleCancelled(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.CANCEL_SCHEDULE, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorUnpublishesALiveStoryWithAReason() {
        assertThat(StoryWorkflow.next(story(StoryState.PUBLISHED), StoryAction.UNPUBLISH, EDITOR, "Legal"))
                .isEqualTo(StoryState.UNPUBLISHED);
        assertThatThrownBy(() -> StoryWorkflow.next(story(StoryState.PUBLISHED), StoryAction.UNPUBLISH, EDITOR, ""))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("reason");
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPublishedStoryCanBeUnpublished(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.UNPUBLISH, EDITOR, "x"))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"DRAFT", "CHANGES_REQUESTED", "IN_REVIEW"})
    void editorPublishesAPendingUpdate(StoryState from) {
        assertThat(StoryWorkflow.next(update(from), StoryAction.PUBLISH_UPDATE, EDITOR, null)).isEqualTo(StoryState.PUBLISHED);
    }

    @ParameterizedTest
    @EnumSource(StoryState.class)
    void publishUpdateIsOnlyForPendingUpdatesAndUpdatesAreNeverPublishedOrScheduledDirectly(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(story(from), StoryAction.PUBLISH_UPDATE, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
        assertThatThrownBy(() -> StoryWorkflow.next(update(from), StoryAction.PUBLISH, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
        assertThatThrownBy(() -> StoryWorkflow.next(update(from), StoryAction.SCHEDULE, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
        assertThatThrownBy(() -> StoryWorkflow.next(update(from), StoryAction.UNPUBLISH, EDITOR, "x"))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(StoryAction.class)
    void someoneWithoutARoleCanDoNothing(StoryAction action) {
        for (StoryState from : StoryState.values()) {
            assertThatThrownBy(() -> StoryWorkflow.next(story(from), action, NOBODY, "x"))
                    .isInstanceOf(WorkflowRefusedException.class);
        }
    }

    @Test
    void whoMayEdit() {
        for (StoryState state : StoryState.values()) {
            boolean ownEditable = EnumSet.of(StoryState.DRAFT, StoryState.CHANGES_REQUESTED, StoryState.PUBLISHED).contains(state);
            assertThat(StoryWorkflow.canEdit(OWN_REPORTER, story(state))).as(state.name()).isEqualTo(ownEditable);
            assertThat(StoryWorkflow.canEdit(OTHER_REPORTER, story(state))).as(state.name()).isFalse();
            assertThat(StoryWorkflow.canEdit(EDITOR, story(state))).as(state.name()).isTrue();
            assertThat(StoryWorkflow.canEdit(NOBODY, story(state))).as(state.name()).isFalse();
        }
        assertThat(StoryWorkflow.canEdit(OWN_REPORTER, update(StoryState.DRAFT))).isTrue();
        assertThat(StoryWorkflow.canEdit(OWN_REPORTER, update(StoryState.IN_REVIEW))).isFalse();
    }

    @Test
    void buttonsOfferedMatchTheRules() {
        assertThat(StoryWorkflow.available(story(StoryState.DRAFT), OWN_REPORTER)).containsExactly(StoryAction.SUBMIT);
        assertThat(StoryWorkflow.available(story(StoryState.IN_REVIEW), OWN_REPORTER)).isEmpty();
        assertThat(StoryWorkflow.available(story(StoryState.IN_REVIEW), EDITOR))
                .containsExactly(StoryAction.REQUEST_CHANGES, StoryAction.PUBLISH, StoryAction.SCHEDULE);
        assertThat(StoryWorkflow.available(story(StoryState.PUBLISHED), EDITOR)).containsExactly(StoryAction.UNPUBLISH);
        assertThat(StoryWorkflow.available(update(StoryState.DRAFT), EDITOR))
                .containsExactly(StoryAction.SUBMIT, StoryAction.PUBLISH_UPDATE);
        assertThat(StoryWorkflow.available(story(StoryState.SCHEDULED), EDITOR)).containsExactly(StoryAction.CANCEL_SCHEDULE);
    }
}

package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(StoryWorkflow.next(StoryState.DRAFT, StoryAction.SUBMIT, OWN_REPORTER, null)).isEqualTo(StoryState.IN_REVIEW);
        assertThat(StoryWorkflow.next(StoryState.CHANGES_REQUESTED, StoryAction.SUBMIT, OWN_REPORTER, null))
                .isEqualTo(StoryState.IN_REVIEW);
    }

    @Test
    void reporterCannotSubmitAnotherReportersStory() {
        assertThatThrownBy(() -> StoryWorkflow.next(StoryState.DRAFT, StoryAction.SUBMIT, OTHER_REPORTER, null))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("their own");
    }

    @Test
    void editorsMaySubmitAnyDraft() {
        assertThat(StoryWorkflow.next(StoryState.DRAFT, StoryAction.SUBMIT, EDITOR, null)).isEqualTo(StoryState.IN_REVIEW);
        assertThat(StoryWorkflow.next(StoryState.DRAFT, StoryAction.SUBMIT, ADMIN, null)).isEqualTo(StoryState.IN_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"})
    void onlyDraftsAndRevisionsCanBeSubmitted(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(from, StoryAction.SUBMIT, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorPublishesAStoryInReview() {
        assertThat(StoryWorkflow.next(StoryState.IN_REVIEW, StoryAction.PUBLISH, EDITOR, null)).isEqualTo(StoryState.PUBLISHED);
        assertThat(StoryWorkflow.next(StoryState.IN_REVIEW, StoryAction.PUBLISH, ADMIN, null)).isEqualTo(StoryState.PUBLISHED);
    }

    @ParameterizedTest
    @EnumSource(StoryState.class)
    void reporterCannotPublishEvenTheirOwnStory(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(from, StoryAction.PUBLISH, OWN_REPORTER, null))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("Only an editor");
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void onlyAStoryInReviewCanBePublished(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(from, StoryAction.PUBLISH, EDITOR, null))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @Test
    void editorRequestsChangesWithAComment() {
        assertThat(StoryWorkflow.next(StoryState.IN_REVIEW, StoryAction.REQUEST_CHANGES, EDITOR, "Check the quote"))
                .isEqualTo(StoryState.CHANGES_REQUESTED);
    }

    @Test
    void requestChangesNeedsAComment() {
        assertThatThrownBy(() -> StoryWorkflow.next(StoryState.IN_REVIEW, StoryAction.REQUEST_CHANGES, EDITOR, "  "))
                .isInstanceOf(WorkflowRefusedException.class).hasMessageContaining("comment");
    }

    @Test
    void reporterCannotRequestChanges() {
        assertThatThrownBy(() -> StoryWorkflow.next(StoryState.IN_REVIEW, StoryAction.REQUEST_CHANGES, OWN_REPORTER, "x"))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void changesCanOnlyBeRequestedInReview(StoryState from) {
        assertThatThrownBy(() -> StoryWorkflow.next(from, StoryAction.REQUEST_CHANGES, EDITOR, "x"))
                .isInstanceOf(WorkflowRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(StoryAction.class)
    void someoneWithoutARoleCanDoNothing(StoryAction action) {
        for (StoryState from : StoryState.values()) {
            assertThatThrownBy(() -> StoryWorkflow.next(from, action, NOBODY, "x"))
                    .isInstanceOf(WorkflowRefusedException.class);
        }
    }

    @Test
    void reporterEditsOwnStoryOnlyWhileDraftOrChangesRequested() {
        for (StoryState state : StoryState.values()) {
            boolean expected = EnumSet.of(StoryState.DRAFT, StoryState.CHANGES_REQUESTED).contains(state);
            assertThat(StoryWorkflow.canEdit(OWN_REPORTER, state)).as(state.name()).isEqualTo(expected);
            assertThat(StoryWorkflow.canEdit(OTHER_REPORTER, state)).as(state.name()).isFalse();
            assertThat(StoryWorkflow.canEdit(EDITOR, state)).as(state.name()).isTrue();
            assertThat(StoryWorkflow.canEdit(NOBODY, state)).as(state.name()).isFalse();
        }
    }

    @Test
    void buttonsOfferedMatchTheRules() {
        assertThat(StoryWorkflow.available(StoryState.DRAFT, OWN_REPORTER)).containsExactly(StoryAction.SUBMIT);
        assertThat(StoryWorkflow.available(StoryState.IN_REVIEW, OWN_REPORTER)).isEmpty();
        assertThat(StoryWorkflow.available(StoryState.IN_REVIEW, EDITOR))
                .containsExactly(StoryAction.REQUEST_CHANGES, StoryAction.PUBLISH);
        assertThat(StoryWorkflow.available(StoryState.PUBLISHED, EDITOR)).isEmpty();
    }
}

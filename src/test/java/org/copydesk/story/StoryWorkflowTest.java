package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.story.StoryWorkflow.Subject.story;
import static org.copydesk.story.StoryWorkflow.Subject.update;

import java.util.EnumSet;

import org.copydesk.people.Role;
import org.copydesk.story.StoryWorkflow.Actor;
import org.copydesk.story.StoryWorkflow.Allowed;
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
        assertThat(StoryWorkflow.decide(story(StoryState.DRAFT), StoryAction.SUBMIT, OWN_REPORTER, null)).isEqualTo(new Allowed(StoryState.IN_REVIEW));
        assertThat(StoryWorkflow.decide(story(StoryState.CHANGES_REQUESTED), StoryAction.SUBMIT, OWN_REPORTER, null))
                .isEqualTo(new Allowed(StoryState.IN_REVIEW));
        assertThat(StoryWorkflow.decide(update(StoryState.DRAFT), StoryAction.SUBMIT, OWN_REPORTER, null))
                .isEqualTo(new Allowed(StoryState.IN_REVIEW));
    }

    @Test
    void reporterCannotSubmitAnotherReportersStory() {
        assertThat(StoryWorkflow.decide(story(StoryState.DRAFT), StoryAction.SUBMIT, OTHER_REPORTER, null).refusal())
                .isPresent().hasValueSatisfying(reason -> assertThat(reason).contains("their own"));
    }

    @Test
    void editorsMaySubmitAnyDraft() {
        assertThat(StoryWorkflow.decide(story(StoryState.DRAFT), StoryAction.SUBMIT, EDITOR, null)).isEqualTo(new Allowed(StoryState.IN_REVIEW));
        assertThat(StoryWorkflow.decide(story(StoryState.DRAFT), StoryAction.SUBMIT, ADMIN, null)).isEqualTo(new Allowed(StoryState.IN_REVIEW));
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"})
    void onlyDraftsAndRevisionsCanBeSubmitted(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.SUBMIT, EDITOR, null).refusal())
                .isPresent();
    }

    @Test
    void editorPublishesAStoryInReviewOrAgainAfterUnpublishing() {
        assertThat(StoryWorkflow.decide(story(StoryState.IN_REVIEW), StoryAction.PUBLISH, EDITOR, null)).isEqualTo(new Allowed(StoryState.PUBLISHED));
        assertThat(StoryWorkflow.decide(story(StoryState.IN_REVIEW), StoryAction.PUBLISH, ADMIN, null)).isEqualTo(new Allowed(StoryState.PUBLISHED));
        assertThat(StoryWorkflow.decide(story(StoryState.UNPUBLISHED), StoryAction.PUBLISH, EDITOR, null))
                .isEqualTo(new Allowed(StoryState.PUBLISHED));
    }

    @ParameterizedTest
    @EnumSource(StoryState.class)
    void reporterCannotPublishScheduleUnpublishOrPublishUpdates(StoryState from) {
        for (StoryAction action : EnumSet.of(StoryAction.PUBLISH, StoryAction.SCHEDULE, StoryAction.CANCEL_SCHEDULE,
                StoryAction.UNPUBLISH, StoryAction.PUBLISH_UPDATE, StoryAction.REQUEST_CHANGES)) {
            assertThat(StoryWorkflow.decide(story(from), action, OWN_REPORTER, "x").refusal())
                    .as(action + " from " + from).isPresent()
                    .hasValueSatisfying(reason -> assertThat(reason).contains("Only an editor"));
            assertThat(StoryWorkflow.decide(update(from), action, OWN_REPORTER, "x").refusal())
                    .isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"IN_REVIEW", "UNPUBLISHED"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyAStoryInReviewOrUnpublishedCanBePublished(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.PUBLISH, EDITOR, null).refusal())
                .isPresent();
    }

    @Test
    void editorRequestsChangesWithAComment() {
        assertThat(StoryWorkflow.decide(story(StoryState.IN_REVIEW), StoryAction.REQUEST_CHANGES, EDITOR, "Check the quote"))
                .isEqualTo(new Allowed(StoryState.CHANGES_REQUESTED));
        assertThat(StoryWorkflow.decide(story(StoryState.IN_REVIEW), StoryAction.REQUEST_CHANGES, EDITOR, "  ").refusal())
                .isPresent().hasValueSatisfying(reason -> assertThat(reason).contains("comment"));
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void changesCanOnlyBeRequestedInReview(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.REQUEST_CHANGES, EDITOR, "x").refusal())
                .isPresent();
    }

    @Test
    void editorSchedulesAStoryInReviewAndCanCancelBackToReview() {
        assertThat(StoryWorkflow.decide(story(StoryState.IN_REVIEW), StoryAction.SCHEDULE, EDITOR, null))
                .isEqualTo(new Allowed(StoryState.SCHEDULED));
        assertThat(StoryWorkflow.decide(story(StoryState.SCHEDULED), StoryAction.CANCEL_SCHEDULE, EDITOR, null))
                .isEqualTo(new Allowed(StoryState.IN_REVIEW));
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void onlyAStoryInReviewCanBeScheduled(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.SCHEDULE, EDITOR, null).refusal())
                .isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAScheduledStoryCanHaveItsScheduleCancelled(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.CANCEL_SCHEDULE, EDITOR, null).refusal())
                .isPresent();
    }

    @Test
    void editorUnpublishesALiveStoryWithAReason() {
        assertThat(StoryWorkflow.decide(story(StoryState.PUBLISHED), StoryAction.UNPUBLISH, EDITOR, "Legal"))
                .isEqualTo(new Allowed(StoryState.UNPUBLISHED));
        assertThat(StoryWorkflow.decide(story(StoryState.PUBLISHED), StoryAction.UNPUBLISH, EDITOR, "").refusal())
                .isPresent().hasValueSatisfying(reason -> assertThat(reason).contains("reason"));
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPublishedStoryCanBeUnpublished(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.UNPUBLISH, EDITOR, "x").refusal())
                .isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = StoryState.class, names = {"DRAFT", "CHANGES_REQUESTED", "IN_REVIEW"})
    void editorPublishesAPendingUpdate(StoryState from) {
        assertThat(StoryWorkflow.decide(update(from), StoryAction.PUBLISH_UPDATE, EDITOR, null)).isEqualTo(new Allowed(StoryState.PUBLISHED));
    }

    @ParameterizedTest
    @EnumSource(StoryState.class)
    void publishUpdateIsOnlyForPendingUpdatesAndUpdatesAreNeverPublishedOrScheduledDirectly(StoryState from) {
        assertThat(StoryWorkflow.decide(story(from), StoryAction.PUBLISH_UPDATE, EDITOR, null).refusal())
                .isPresent();
        assertThat(StoryWorkflow.decide(update(from), StoryAction.PUBLISH, EDITOR, null).refusal())
                .isPresent();
        assertThat(StoryWorkflow.decide(update(from), StoryAction.SCHEDULE, EDITOR, null).refusal())
                .isPresent();
        assertThat(StoryWorkflow.decide(update(from), StoryAction.UNPUBLISH, EDITOR, "x").refusal())
                .isPresent();
    }

    @ParameterizedTest
    @EnumSource(StoryAction.class)
    void someoneWithoutARoleCanDoNothing(StoryAction action) {
        for (StoryState from : StoryState.values()) {
            assertThat(StoryWorkflow.decide(story(from), action, NOBODY, "x").refusal())
                    .isPresent();
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

package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.copydesk.media.Image;
import org.copydesk.story.Story;
import org.junit.jupiter.api.Test;

/** How the front page and the list pages choose their leads, without a database. */
class FrontPageTest {

    @Test
    void theLeadIsTheNewestWithAPictureAndTheSecondTierTheNextWithPictures() {
        List<Story> newest = stories("text", "pic", "text", "pic", "pic", "text", "pic", "pic", "pic", "text");
        FrontPage front = FrontPage.setFrom(newest);
        assertThat(front.lead()).isSameAs(newest.get(1));
        assertThat(front.topStories()).containsExactly(newest.get(3), newest.get(4), newest.get(6), newest.get(7));
        assertThat(front.latest()).containsExactly(newest.get(0), newest.get(2), newest.get(5), newest.get(8), newest.get(9));
        assertThat(front.shownIds()).hasSize(newest.size());
    }

    @Test
    void withoutPicturesTheNewestLeadsAndTwoFollowInTheSecondTier() {
        List<Story> newest = stories("text", "text", "text", "text");
        FrontPage front = FrontPage.setFrom(newest);
        assertThat(front.lead()).isSameAs(newest.get(0));
        assertThat(front.topStories()).containsExactly(newest.get(1), newest.get(2));
        assertThat(front.latest()).containsExactly(newest.get(3));
        assertThat(FrontPage.setFrom(List.of()).lead()).isNull();
    }

    @Test
    void aListLeadsWithTheNewestOfItsFirstFiveWithAPicture() {
        List<Story> page = stories("text", "text", "pic", "pic", "text");
        StoryList list = StoryList.of(page, 30, 1, "/world");
        assertThat(list.lead()).isSameAs(page.get(2));
        assertThat(list.afterLead()).containsExactly(page.get(0), page.get(1), page.get(3), page.get(4));
        List<Story> late = stories("text", "text", "text", "text", "text", "pic");
        assertThat(StoryList.of(late, 30, 1, "/world").lead()).as("a picture further down does not lead").isSameAs(late.get(0));
        assertThat(StoryList.of(late, 30, 2, "/world").lead()).as("only page 1 has a lead").isNull();
        assertThat(StoryList.of(late, 30, 2, "/world").afterLead()).isEqualTo(late);
    }

    private static List<Story> stories(String... kinds) {
        List<Story> stories = new ArrayList<>();
        for (String kind : kinds) {
            Story story = new Story();
            story.id = (long) stories.size() + 1;
            story.featuredImage = kind.equals("pic") ? new Image() : null;
            stories.add(story);
        }
        return stories;
    }
}

package org.copydesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The demo's day's paper is complete enough to judge every kind of reader's page by. */
class DemoNewsroomTest {

    @Test
    void everySectionHasStoriesAndThereArePicturesRolesAndACorrection() throws Exception {
        List<DemoNewsroom.DemoStory> stories = List.of(new ObjectMapper().readValue(
                DemoNewsroom.class.getResourceAsStream(DemoNewsroom.STORIES), DemoNewsroom.DemoStory[].class));
        // The sections V1 creates.
        assertThat(stories.stream().map(DemoNewsroom.DemoStory::section).distinct())
                .containsExactlyInAnyOrder("world", "politics", "business", "science", "culture", "sport");
        assertThat(stories.stream().filter(s -> s.image() != null).count()).isGreaterThanOrEqualTo(6);
        assertThat(stories.stream().flatMap(s -> s.bylines().stream()).filter(b -> b.role() != null)).isNotEmpty();
        assertThat(stories.stream().filter(s -> s.correction() != null)).hasSize(1);
        assertThat(stories.size()).as("enough for a front page with no story twice").isGreaterThanOrEqualTo(24);
    }

    @Test
    void aPictureIsAJpegWideEnoughForTheStoryPageAndTheSameEachTime() throws Exception {
        byte[] picture = DemoPictures.landscape(0.57f, 3);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(picture));
        assertThat(read.getWidth()).isEqualTo(1200);
        assertThat(read.getHeight()).isEqualTo(675);
        assertThat(DemoPictures.landscape(0.57f, 3)).isEqualTo(picture);
    }
}

package org.copydesk.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The export file read as a stream: what the import takes from a file WordPress wrote. */
class WxrTest {

    @Test
    void theChannelAndEveryItemOfARealExport() {
        List<Wxr.Item> items = new ArrayList<>();
        Wxr.Channel channel = Wxr.read(new ByteArrayInputStream(WordPressImportTest.resource("export.xml")), items::add);
        assertThat(channel.siteUrl()).isEqualTo("http://wordpress.example");
        assertThat(channel.wxrVersion).isEqualTo("1.2");
        assertThat(channel.authors.keySet()).containsExactly("maria", "tom", "olga");
        assertThat(channel.authors.get("olga").name()).isEqualTo("Ольга Смирнова");
        assertThat(channel.terms("category")).extracting(Wxr.Term::slug).contains("news", "local", "arts-culture");
        assertThat(channel.terms("category")).filteredOn(t -> t.slug().equals("local")).singleElement()
                .extracting(Wxr.Term::parent).isEqualTo("news");
        assertThat(channel.terms("author")).extracting(Wxr.Term::slug).contains("cap-amina-diallo", "cap-tom-baker");
        assertThat(channel.itemTypes).containsEntry("post", 7).containsEntry("page", 1).containsEntry("attachment", 3)
                .containsEntry("guest-author", 1);

        Wxr.Item storm = items.stream().filter(i -> "Storm closes the harbour for two days".equals(i.title())).findFirst().orElseThrow();
        assertThat(storm.id()).isEqualTo(8);
        assertThat(storm.guid()).isEqualTo("http://wordpress.example/?p=8");
        assertThat(storm.dateGmt()).isEqualTo("2024-05-12 07:30:00");
        assertThat(storm.excerpt()).isEqualTo("Ferries stayed in port as winds reached 110 km/h.");
        assertThat(storm.content()).startsWith("<!-- wp:paragraph -->\n<p>The harbour master");
        assertThat(storm.terms("author")).extracting(Wxr.ItemTerm::nicename).containsExactlyInAnyOrder("cap-tom-baker", "cap-amina-diallo");
        assertThat(storm.meta()).containsKey("_thumbnail_id").doesNotContainKey("_pingme");

        Wxr.Item guest = items.stream().filter(i -> "guest-author".equals(i.type())).findFirst().orElseThrow();
        assertThat(guest.meta()).containsEntry("cap-display_name", "Amina Diallo");
        Wxr.Item picture = items.stream().filter(i -> "attachment".equals(i.type()) && i.title().equals("The harbour at dawn"))
                .findFirst().orElseThrow();
        assertThat(picture.meta()).containsEntry("_wp_attached_file", "2024/05/harbour.jpg")
                .containsEntry("_wp_attachment_image_alt", "Fishing boats moored in the harbour at dawn");
    }

    @Test
    void whatIsNotAnExportIsSaidSo() {
        assertThatThrownBy(() -> read("just some notes")).isInstanceOf(Wxr.NotWxrException.class).hasMessageContaining("not a WordPress export");
        assertThatThrownBy(() -> read("<html><body>hi</body></html>")).hasMessageContaining("not RSS");
        assertThatThrownBy(() -> read("<rss><channel><title>A feed</title><item><title>x</title></item></channel></rss>"))
                .hasMessageContaining("RSS feed, not a WordPress export");
        assertThatThrownBy(() -> read("")).isInstanceOf(Wxr.NotWxrException.class);
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>"))
                .isInstanceOf(Wxr.NotWxrException.class);
    }

    private static Wxr.Channel read(String text) {
        return Wxr.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), item -> { });
    }
}

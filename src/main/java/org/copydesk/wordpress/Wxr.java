package org.copydesk.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A WordPress export file (WXR, "WordPress eXtended RSS", versions 1.0 to 1.2), read as a stream (StAX): one item at
 * a time is in memory, never the document, so an export of hundreds of megabytes is read in the heap the app has.
 * Only what the import uses is kept. A file that is not one gets {@link NotWxrException} with a message for the
 * person who chose it.
 */
public final class Wxr {

    private Wxr() {
    }

    /** A file that is not a WordPress export, or is cut off or broken. */
    public static class NotWxrException extends RuntimeException {
        public NotWxrException(String message) {
            super(message);
        }
    }

    public record Author(String login, String displayName, String firstName, String lastName) {
        /** The name for a byline: the display name, or first and last names, or the login. */
        public String name() {
            if (displayName != null && !displayName.isBlank()) {
                return displayName.strip();
            }
            String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return full.isEmpty() ? login : full;
        }
    }

    /** A category, tag or other term of the channel. {@code parent} is the parent's slug (categories), or null. */
    public record Term(String taxonomy, String slug, String name, String parent, String description) {
    }

    /** A term an item carries: {@code <category domain="post_tag" nicename="harbour">Harbour</category>}. */
    public record ItemTerm(String domain, String nicename, String name) {
    }

    /** One {@code <item>}: a post, page, attachment, guest author, menu item, ... as exported. */
    public record Item(long id, String title, String link, String guid, String creator, String content, String excerpt,
                       String date, String dateGmt, String modifiedGmt, String name, String status, String type,
                       long parent, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta) {

        public List<ItemTerm> terms(String domain) {
            return terms.stream().filter(t -> domain.equals(t.domain())).toList();
        }
    }

    /** What the channel says before and between its items, and a count of the items by type. */
    public static final class Channel {
        public String title;
        public String link;
        public String baseSiteUrl;
        public String baseBlogUrl;
        public String wxrVersion;
        public final Map<String, Author> authors = new LinkedHashMap<>();
        public final List<Term> terms = new ArrayList<>();
        public final Map<String, Integer> itemTypes = new LinkedHashMap<>();

        /** The site's address the file was exported from (its origin for re-imports), without a trailing slash. */
        public String siteUrl() {
            String url = baseBlogUrl != null && !baseBlogUrl.isBlank() ? baseBlogUrl : baseSiteUrl != null && !baseSiteUrl.isBlank()
                    ? baseSiteUrl : link;
            url = url == null ? "" : url.strip();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            return url;
        }

        public List<Term> terms(String taxonomy) {
            return terms.stream().filter(t -> taxonomy.equals(t.taxonomy())).toList();
        }
    }

    /** Reads the whole file once: the channel's authors and terms, and every item (each handed over, then let go). */
    public static Channel read(Path file, Consumer<Item> items) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, items);
        } catch (IOException e) {
            throw new NotWxrException("The file could not be read: " + e.getMessage());
        }
    }

    public static Channel read(InputStream in, Consumer<Item> items) {
        return read(in, items, false);
    }

    /** The channel as the file has it before its first item (authors, terms, the site's address): a quick look. */
    public static Channel head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, null, true);
        } catch (IOException e) {
            throw new NotWxrException("The file could not be read: " + e.getMessage());
        }
    }

    private static Channel read(InputStream in, Consumer<Item> items, boolean headOnly) {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            Channel channel = new Channel();
            boolean rss = false;
            boolean wordpress = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (!rss) {
                    if (!"rss".equals(name)) {
                        throw new NotWxrException("This is not a WordPress export file: it is XML, but not RSS (its first "
                                + "element is <" + name + ">). In WordPress, use Tools → Export and choose the file it gives.");
                    }
                    rss = true;
                    continue;
                }
                boolean wp = isWp(xml);
                wordpress |= wp;
                switch (wp ? "wp:" + name : name) {
                    case "title" -> channel.title = channel.title == null ? text(xml) : channel.title;
                    case "link" -> channel.link = channel.link == null ? text(xml) : channel.link;
                    case "wp:base_site_url" -> channel.baseSiteUrl = text(xml);
                    case "wp:base_blog_url" -> channel.baseBlogUrl = text(xml);
                    case "wp:wxr_version" -> channel.wxrVersion = text(xml);
                    case "wp:author" -> {
                        Author author = author(xml);
                        if (author.login() != null) {
                            channel.authors.put(author.login(), author);
                        }
                    }
                    case "wp:category" -> channel.terms.add(category(xml));
                    case "wp:tag" -> channel.terms.add(tag(xml));
                    case "wp:term" -> channel.terms.add(term(xml));
                    case "item" -> {
                        if (headOnly) {
                            if (!wordpress || channel.siteUrl().isEmpty()) {
                                throw new NotWxrException("This is an RSS feed, not a WordPress export: it has no WordPress "
                                        + "data in it. In WordPress, use Tools → Export (All content) and choose the file it gives.");
                            }
                            return channel;
                        }
                        Item item = item(xml);
                        channel.itemTypes.merge(item.type() == null ? "unknown" : item.type(), 1, Integer::sum);
                        wordpress |= item.type() != null;
                        items.accept(item);
                    }
                    default -> {
                    }
                }
            }
            if (!rss) {
                throw new NotWxrException("This file is empty or not XML. Choose the file WordPress gave you under Tools → Export.");
            }
            if (!wordpress || channel.siteUrl().isEmpty()) {
                throw new NotWxrException("This is an RSS feed, not a WordPress export: it has no WordPress data in it. "
                        + "In WordPress, use Tools → Export (All content) and choose the file it gives.");
            }
            return channel;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            throw new NotWxrException("This is not a WordPress export file, or it is cut off: it is not well-formed XML" + where
                    + ". Export it again from WordPress (Tools → Export) and choose the whole file.");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing only
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** WordPress's own namespace, whatever its version (http://wordpress.org/export/1.2/). */
    private static boolean isWp(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        // Not the excerpt's namespace, which lives under it (http://wordpress.org/export/1.2/excerpt/).
        return ns != null ? ns.matches("https?://wordpress\\.org/export/[0-9.]+/?") : "wp".equals(xml.getPrefix());
    }

    /** The text of a leaf element (CDATA included), stripped of the white space around it; null when empty. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        String stripped = rawText(xml).strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The text, keeping its white space (post content: blank lines are paragraphs). */
    private static String rawText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("cut off", xml.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Calls {@code field} with each child element's qualified name ("wp:author_login"), positioned on it. */
    private interface Field {
        void at(String name) throws XMLStreamException;
    }

    private static void children(XMLStreamReader xml, Field field) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("cut off", xml.getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String prefix = isWp(xml) ? "wp:" : xml.getPrefix() == null || xml.getPrefix().isEmpty() ? "" : xml.getPrefix() + ":";
                field.at(prefix + xml.getLocalName());
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    skip(xml); // a child the caller did not read
                }
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("cut off", xml.getLocation());
            }
        }
    }

    private static Author author(XMLStreamReader xml) throws XMLStreamException {
        String[] f = new String[4];
        children(xml, name -> {
            switch (name) {
                case "wp:author_login" -> f[0] = text(xml);
                case "wp:author_display_name" -> f[1] = text(xml);
                case "wp:author_first_name" -> f[2] = text(xml);
                case "wp:author_last_name" -> f[3] = text(xml);
                default -> {
                }
            }
        });
        return new Author(f[0], f[1], f[2], f[3]);
    }

    private static Term category(XMLStreamReader xml) throws XMLStreamException {
        String[] f = new String[4];
        children(xml, name -> {
            switch (name) {
                case "wp:category_nicename" -> f[0] = text(xml);
                case "wp:cat_name" -> f[1] = text(xml);
                case "wp:category_parent" -> f[2] = text(xml);
                case "wp:category_description" -> f[3] = text(xml);
                default -> {
                }
            }
        });
        return new Term("category", f[0], f[1], f[2], f[3]);
    }

    private static Term tag(XMLStreamReader xml) throws XMLStreamException {
        String[] f = new String[3];
        children(xml, name -> {
            switch (name) {
                case "wp:tag_slug" -> f[0] = text(xml);
                case "wp:tag_name" -> f[1] = text(xml);
                case "wp:tag_description" -> f[2] = text(xml);
                default -> {
                }
            }
        });
        return new Term("post_tag", f[0], f[1], null, f[2]);
    }

    private static Term term(XMLStreamReader xml) throws XMLStreamException {
        String[] f = new String[5];
        children(xml, name -> {
            switch (name) {
                case "wp:term_taxonomy" -> f[0] = text(xml);
                case "wp:term_slug" -> f[1] = text(xml);
                case "wp:term_name" -> f[2] = text(xml);
                case "wp:term_parent" -> f[3] = text(xml);
                case "wp:term_description" -> f[4] = text(xml);
                default -> {
                }
            }
        });
        return new Term(f[0], f[1], f[2], f[3], f[4]);
    }

    private static Item item(XMLStreamReader xml) throws XMLStreamException {
        String[] f = new String[15];
        long[] ids = new long[2];
        List<ItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        children(xml, name -> {
            switch (name) {
                case "title" -> f[0] = text(xml);
                case "link" -> f[1] = text(xml);
                case "guid" -> f[2] = text(xml);
                case "dc:creator" -> f[3] = text(xml);
                case "content:encoded" -> f[4] = rawText(xml);
                case "excerpt:encoded" -> f[5] = text(xml);
                case "wp:post_date" -> f[6] = text(xml);
                case "wp:post_date_gmt" -> f[7] = text(xml);
                case "wp:post_modified_gmt" -> f[8] = text(xml);
                case "wp:post_name" -> f[9] = text(xml);
                case "wp:status" -> f[10] = text(xml);
                case "wp:post_type" -> f[11] = text(xml);
                case "wp:attachment_url" -> f[12] = text(xml);
                case "wp:post_id" -> ids[0] = number(text(xml));
                case "wp:post_parent" -> ids[1] = number(text(xml));
                case "category" -> {
                    String domain = xml.getAttributeValue(null, "domain");
                    String nicename = xml.getAttributeValue(null, "nicename");
                    String termName = text(xml);
                    if (domain != null && nicename != null) {
                        terms.add(new ItemTerm(domain, nicename, termName));
                    }
                }
                case "wp:postmeta" -> {
                    String[] kv = new String[2];
                    children(xml, metaName -> {
                        if ("wp:meta_key".equals(metaName)) {
                            kv[0] = text(xml);
                        } else if ("wp:meta_value".equals(metaName)) {
                            kv[1] = rawText(xml);
                        }
                    });
                    if (kv[0] != null && kept(kv[0])) {
                        meta.put(kv[0], kv[1] == null ? "" : kv[1].strip());
                    }
                }
                default -> {
                }
            }
        });
        return new Item(ids[0], f[0], f[1], f[2], f[3], f[4] == null ? "" : f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
                ids[1], f[12], List.copyOf(terms), meta);
    }

    /** The post meta the import reads (not the page builders' megabytes of their own). */
    private static boolean kept(String key) {
        return key.equals("_thumbnail_id") || key.equals("_wp_attachment_image_alt") || key.equals("_wp_attached_file")
                || key.startsWith("cap-");
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

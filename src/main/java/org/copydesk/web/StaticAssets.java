package org.copydesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Fingerprinted static assets: templates link to {@code /static/{hash}/copydesk.css}, whose bytes never
 * change at that address, so browsers and CDNs may keep them for a year. A new build gives a new hash.
 */
@Path("/static")
public class StaticAssets {

    static final String YEAR = "public, max-age=31536000, immutable";
    static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "js",
            "text/javascript;charset=UTF-8", "svg", "image/svg+xml", "woff2", "font/woff2");

    /**
     * Every asset a page may link, by the name in its address, and where it is on the class path. The serif is
     * self-hosted: Source Serif 4 (headlines and reading text), copied from npm's
     * {@code @fontsource-variable/source-serif-4} (not on Maven Central through mvnpm): docs/public-site.md.
     */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("copydesk.css", "/META-INF/resources/assets/copydesk.css"),
            Map.entry("story-form.js", "/META-INF/resources/assets/story-form.js"),
            Map.entry("pickers.js", "/META-INF/resources/assets/pickers.js"),
            Map.entry("presence-ticker.js", "/META-INF/resources/assets/presence-ticker.js"),
            Map.entry("image-size.js", "/META-INF/resources/assets/image-size.js"),
            Map.entry("live.js", "/META-INF/resources/assets/live.js"),
            Map.entry("logo.svg", "/META-INF/resources/assets/logo.svg"),
            Map.entry("source-serif-4-latin-wght-normal.woff2", "/META-INF/resources/assets/fonts/source-serif-4-latin-wght-normal.woff2"),
            Map.entry("source-serif-4-latin-wght-italic.woff2", "/META-INF/resources/assets/fonts/source-serif-4-latin-wght-italic.woff2"),
            Map.entry("source-serif-4-latin-ext-wght-normal.woff2",
                    "/META-INF/resources/assets/fonts/source-serif-4-latin-ext-wght-normal.woff2"),
            Map.entry("source-serif-4-latin-ext-wght-italic.woff2",
                    "/META-INF/resources/assets/fonts/source-serif-4-latin-ext-wght-italic.woff2"));

    /** In a stylesheet, {@code url(name.woff2)} of a listed asset: written out as its fingerprinted address. */
    private static final Pattern ASSET_IN_CSS = Pattern.compile("url\\(([a-z0-9.-]+\\.woff2)\\)");

    /** What templates ask for: {@code {inject:assets.url('copydesk.css')}}. */
    @Named("assets")
    @ApplicationScoped
    public static class Fingerprints {

        private final Map<String, Asset> byName = new ConcurrentHashMap<>();

        /** One asset: its bytes and the hash in its address. */
        record Asset(byte[] bytes, String hash) {
        }

        public String url(String name) {
            return "/static/" + asset(name).hash() + "/" + name;
        }

        Asset asset(String name) {
            if (!FILES.containsKey(name)) {
                throw new NotFoundException();
            }
            Asset found = byName.get(name);
            if (found == null) {
                // Not computeIfAbsent: a stylesheet's load asks for the fonts it names (a nested update).
                found = load(name);
                byName.putIfAbsent(name, found);
            }
            return found;
        }

        private Asset load(String name) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(FILES.get(name))) {
                if (in == null) {
                    throw new NotFoundException();
                }
                byte[] bytes = in.readAllBytes();
                if (name.endsWith(".css")) {
                    // The fonts' addresses carry their own fingerprints, so the stylesheet's changes with theirs.
                    bytes = ASSET_IN_CSS.matcher(new String(bytes, StandardCharsets.UTF_8))
                            .replaceAll(font -> Matcher.quoteReplacement("url(" + url(font.group(1)) + ")"))
                            .getBytes(StandardCharsets.UTF_8);
                }
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
                return new Asset(bytes, hash);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    Fingerprints fingerprints;

    @GET
    @Path("{hash}/{name}")
    public Response asset(@PathParam("hash") String hash, @PathParam("name") String name) {
        Fingerprints.Asset asset = fingerprints.asset(name);
        if (!asset.hash().equals(hash)) {
            // An old address after a deploy: send the browser to the current one.
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(java.net.URI.create(fingerprints.url(name))).build();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return Response.ok(asset.bytes()).type(TYPES.get(extension)).header("Cache-Control", YEAR)
                .header("ETag", "\"" + asset.hash() + "\"").build();
    }
}

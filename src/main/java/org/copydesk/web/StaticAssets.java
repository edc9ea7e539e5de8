package org.copydesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
            "text/javascript;charset=UTF-8", "svg", "image/svg+xml");

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
            if (!List.of("copydesk.css", "story-form.js", "pickers.js", "presence-ticker.js", "image-size.js", "logo.svg").contains(name)) {
                throw new NotFoundException();
            }
            return byName.computeIfAbsent(name, Fingerprints::load);
        }

        private static Asset load(String name) {
            try (InputStream in = StaticAssets.class.getResourceAsStream("/META-INF/resources/assets/" + name)) {
                if (in == null) {
                    throw new NotFoundException();
                }
                byte[] bytes = in.readAllBytes();
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

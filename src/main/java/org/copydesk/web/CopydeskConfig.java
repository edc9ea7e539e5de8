package org.copydesk.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of Copydesk's own ({@code copydesk.*}), in one place with its default. Each is also an
 * environment variable: the name upper-cased with dots and dashes as underscores ({@code copydesk.sign-in.lock}
 * is {@code COPYDESK_SIGN_IN_LOCK}). README.md's configuration table lists them all
 * ({@code ConfigurationTableTest} holds the two together); application.properties holds only what differs in
 * dev mode and tests ({@code %dev.}, {@code %test.}).
 * <p>
 * Quarkus's own settings ({@code quarkus.*}) are Quarkus's: the few the app reads as well are in
 * {@link QuarkusSettings}.
 */
@ConfigMapping(prefix = "copydesk")
public interface CopydeskConfig {

    /** The site's public address ({@link PublicAddress}). */
    Optional<String> publicUrl();

    /** The newsroom's time zone: story URLs, datelines, times shown and typed ({@link Newsroom}). */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * Reverse proxies whose {@code X-Forwarded-For}/{@code -Proto} are believed, in CIDR notation (a plain address or
     * a host name costs a DNS lookup per request). Quarkus reads it (application.properties:
     * {@code quarkus.http.proxy.trusted-proxies=${copydesk.trusted-proxies}}).
     */
    @WithDefault("127.0.0.0/8,::1/128")
    String trustedProxies();

    /** Whether an empty database is given the demo newsroom (dev mode: yes). */
    @WithDefault("false")
    boolean demoContent();

    Demo demo();

    Admin admin();

    Session session();

    SignIn signIn();

    Csrf csrf();

    Editing editing();

    Autosave autosave();

    Compare compare();

    Preview preview();

    Scheduler scheduler();

    PageCache pageCache();

    Render render();

    Sitemap sitemap();

    Search search();

    Images images();

    Uploads uploads();

    Webhooks webhooks();

    /** The demo newsroom (demo.DemoContent). */
    interface Demo {
        /** The password of the demo staff, {@code editor} and {@code reporter}. */
        @WithDefault("copydesk-demo-password")
        String password();
    }

    /** The first admin, created at start-up only while no staff account exists (people.FirstAdmin). */
    interface Admin {
        /** Its username; without it (or the password) no account is made and a warning is logged. */
        Optional<String> username();

        Optional<String> password();

        @WithDefault("Administrator")
        String displayName();
    }

    /** The signed-in session: Quarkus's encrypted cookie (people.SessionCookies). */
    interface Session {
        /** Idle time before a sign-in expires. */
        @WithDefault("PT2H")
        Duration timeout();

        /** The cookie's name. */
        @WithDefault("copydesk-session")
        String cookieName();

        /** How old a cookie gets before a request renews it (its idle expiry moves on). */
        @WithDefault("PT1M")
        Duration renewAfter();
    }

    /** Sign-in throttling (people.SignInThrottle): failures allowed within the window, then sign-in refused a while. */
    interface SignIn {
        /** Failed sign-ins per username within the window. */
        @WithDefault("5")
        int failuresPerAccount();

        /** Failed sign-ins per client address within the window. */
        @WithDefault("20")
        int failuresPerAddress();

        @WithDefault("PT15M")
        Duration window();

        /** How long sign-in is refused once a limit is reached. */
        @WithDefault("PT15M")
        Duration lock();

        /**
         * bcrypt's cost for passwords set from now on (2^cost rounds, about 0.1 s at 10 on one core here); a stored
         * hash keeps the cost it was made with.
         */
        @WithDefault("10")
        int passwordCost();
    }

    /** The forms' CSRF tokens ({@link SignedCsrfTokens}). */
    interface Csrf {
        /**
         * The key (32+ characters) that signs them, the same on every node; unset, one derived from the session
         * encryption key, or without that a random key per start.
         */
        Optional<String> key();
    }

    /** "Being edited by" (editing.EditingSessions). */
    interface Editing {
        /**
         * How long an open story's lease lasts unless its page renews it. "Being edited by" goes within a minute of
         * the person leaving, even when their page crashed without saying goodbye: at most a minute with the
         * others' pages asking every {@link #renew()}.
         */
        @WithDefault("PT45S")
        Duration lease();

        /**
         * How often the open page renews its lease and asks who else has the story open and whether it was saved
         * since (assets/story-form.js): "Being edited by" shows on the others' pages within this time.
         */
        @WithDefault("PT15S")
        Duration renew();
    }

    /** The story form's autosave (assets/story-form.js). */
    interface Autosave {
        /** Milliseconds between autosaves of a working copy while a story is open. */
        @WithDefault("15000")
        int interval();
    }

    /** Side-by-side comparisons of revisions (revision.ComparisonTurns). */
    interface Compare {
        /** Comparisons made at once. */
        @WithDefault("2")
        int atOnce();

        /** How long one waits its turn before the person is told the site is busy (503). */
        @WithDefault("10000")
        long waitMillis();
    }

    /** Share preview links (preview.PreviewLinks). */
    interface Preview {
        /** How long a link works unless another choice is made. */
        @WithDefault("PT48H")
        Duration lifetime();
    }

    /** Scheduled publishing (story.ScheduledPublisher, a clustered Quartz job). */
    interface Scheduler {
        /** How often the job looks for scheduled stories that are due ({@code 15s}, {@code 1m}, ...). */
        @WithDefault("15s")
        Duration every();
    }

    /** Rendered public pages kept in memory (site.PageCache). */
    interface PageCache {
        @WithDefault("true")
        boolean enabled();

        /** Memory for the pages, plain and gzipped. */
        @WithDefault("16")
        long maxMegabytes();
    }

    /** Big stories (over 64 KB of text) take turns to be rendered (site.BigStoryTurns). */
    interface Render {
        /** Story text rendered at once, in millions of characters (a render holds some ten times its size). */
        @WithDefault("2")
        int memoryMb();

        /** How long one waits its turn before the reader is answered 503 with Retry-After. */
        @WithDefault("20000")
        long waitMillis();
    }

    /** Sitemaps (site.Sitemaps, site.SitemapResource). */
    interface Sitemap {
        /**
         * Addresses per sitemap (50,000 is the protocol's limit): a month's stories, the tags or the authors past it
         * go on in pages ({@code stories-2026-12-2.xml}), each listed in the index.
         */
        @WithDefault("50000")
        int pageSize();
    }

    /** Search (search.SearchTurns, search.PublicMatches). */
    interface Search {
        /** Searches at once; 0: one more than the cores. */
        @WithDefault("0")
        int atOnce();

        /** How long a search waits its turn before the person is told the site is busy (503). */
        @WithDefault("10000")
        long waitMillis();

        /** Memory for the sets of public stories holding each searched word; 0 turns them off. */
        @WithDefault("16")
        int memoryMb();
    }

    /** Uploaded pictures (media.DecodeTurns, docs/operations.md). */
    interface Images {
        /**
         * Pictures decoded at once. One decode of a big photo holds up to about 40 MB of heap (docs/operations.md),
         * so with the production heap only one runs at a time; the others wait their turn.
         */
        @WithDefault("1")
        int decodesAtOnce();

        /** How long an upload waits for its turn before the person is told to try again (503, Retry-After). */
        @WithDefault("20s")
        Duration waitForTurn();
    }

    /** How large a request may be ({@link OversizedUploads}). */
    interface Uploads {
        /**
         * The largest form of any page but the WordPress import: room for one picture (media.ImageStore takes up
         * to 10 MB) with the story form around it. The import (a whole site's export and uploads) may go up to
         * Quarkus's own limit, {@code quarkus.http.limits.max-body-size}, which is set for it.
         */
        @WithDefault("12M")
        MemorySize formLimit();
    }

    /** Signed webhooks (webhook.WebhookWorker, docs/api.md, Webhooks). */
    interface Webhooks {
        /** How often each node looks for deliveries that are due (it is also woken when a change on it writes one). */
        @WithDefault("1s")
        Duration pollEvery();

        /** The wait after the first failed attempt; each failure after it doubles the wait (with jitter). */
        @WithDefault("5s")
        Duration retryBase();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration retryMax();

        /** How long after its first attempt a delivery is tried again before it is marked failed. */
        @WithDefault("24h")
        Duration retryFor();

        /** How long one attempt may take to connect, and then to be answered. */
        @WithDefault("10s")
        Duration timeout();

        /** Deliveries sent at once per node (each holds a database connection while it is sent). */
        @WithDefault("2")
        int senders();

        /** How long delivered and failed deliveries stay listed before they are deleted. */
        @WithDefault("P30D")
        Duration keep();
    }
}

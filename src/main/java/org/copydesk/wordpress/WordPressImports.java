package org.copydesk.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.copydesk.media.Image;
import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.story.SectionService;
import org.copydesk.story.Story;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.Tag;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Slugs;
import org.copydesk.web.Text;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

/**
 * WordPress import: a WordPress export file (WXR) and, optionally, a zip of its {@code wp-content/uploads}, brought in
 * through the newsroom's own services, in the background, one import at a time; {@link ImportRun} is where it stands
 * and its report. What maps to what is in docs/api.md, Importing from WordPress. Everything imported remembers where it came from
 * (the site's address and the thing's key there, {@link Origins}), so importing the same file again updates and
 * never duplicates; the old addresses answer 301 ({@link OldAddresses}).
 * <p>
 * Memory: the file is read as a stream twice (first the small things: authors, categories, tags, attachments, guest
 * authors; then one post at a time), the zip entry by entry; each picture goes through media.ImageStore, which
 * decodes in turns and scales large photos within the heap.
 */
@ApplicationScoped
public class WordPressImports {

    private static final Logger LOG = Logger.getLogger(WordPressImports.class);
    static final String COMMENT = "Imported from WordPress";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern SIZED = Pattern.compile("^(.*)-\\d+x\\d+(\\.[A-Za-z0-9]+)$");
    private static final Pattern SCALED = Pattern.compile("^(.*)-scaled(\\.[A-Za-z0-9]+)$");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("^.*-(\\d{1,5})x(\\d{1,5})\\.[A-Za-z0-9]+$");

    @Inject
    StoryService stories;

    @Inject
    SectionService sections;

    @Inject
    StaffService staff;

    @Inject
    ImageStore images;

    @Inject
    Clock clock;

    /** One import at a time: each decodes pictures and writes many rows; two at once would only compete. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "wordpress-import");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    static final String CUT_SHORT = "The app stopped before this import finished. Import the file again: what was imported "
            + "is updated, not duplicated.";

    /**
     * Imports cut short by a stop of the app are told so (the file can be imported again: nothing is duplicated): at
     * start-up, those that have not moved for two minutes (an import another node is running moves with every post,
     * and is left alone); the progress page shows a running import that has not moved for five as stopped.
     */
    void interruptedOnes(@Observes StartupEvent started) {
        try {
            Instant now = Instant.now(clock);
            QuarkusTransaction.requiringNew().run(() -> ImportRun.update(
                    "status = ?1, message = ?2, finishedAt = ?3 where status in ?4 and updatedAt < ?5", ImportRun.Status.FAILED,
                    CUT_SHORT, now, List.of(ImportRun.Status.WAITING, ImportRun.Status.RUNNING), now.minusSeconds(120)));
        } catch (RuntimeException e) {
            LOG.warn("Could not mark interrupted WordPress imports: " + e);
        }
    }

    /** The upload refused before anything starts, with the field it is about. */
    public static class BadUploadException extends RuntimeException {
        private final String field;

        public BadUploadException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Checks the files (is this a WordPress export, is the zip readable), copies them out of the request's uploads
     * (which go when the request ends), records the import and starts it in the background. Returns its id.
     */
    public long start(Path wxr, String wxrName, Path zip, String zipName, Long defaultSectionId, StaffAccount admin) {
        if (wxr == null) {
            throw new BadUploadException("wxr", "Choose the WordPress export file (an .xml file from Tools → Export)");
        }
        Wxr.Channel header = sniff(wxr);
        if (zip != null) {
            try (ZipFile opened = new ZipFile(zip.toFile())) {
                if (opened.size() == 0) {
                    throw new BadUploadException("uploads", "The uploads archive is empty: zip the wp-content/uploads folder and choose it again");
                }
            } catch (ZipException e) {
                throw new BadUploadException("uploads", "The uploads archive is not a zip file, or it is damaged: zip the "
                        + "wp-content/uploads folder again and choose the .zip");
            } catch (IOException e) {
                throw new BadUploadException("uploads", "The uploads archive could not be read: " + e.getMessage());
            }
        }
        if (defaultSectionId != null && Section.findById(defaultSectionId) == null) {
            throw new BadUploadException("section", "Choose a section");
        }
        Path dir;
        Path keptWxr;
        Path keptZip = null;
        try {
            dir = Files.createTempDirectory("copydesk-wordpress-");
            keptWxr = keep(wxr, dir.resolve("export.xml"));
            if (zip != null) {
                keptZip = keep(zip, dir.resolve("uploads.zip"));
            }
        } catch (IOException e) {
            throw new BadUploadException("wxr", "The server could not keep the files for the import (" + e.getMessage()
                    + "). Try again in a moment.");
        }
        long id = QuarkusTransaction.requiringNew().call(() -> {
            ImportRun run = new ImportRun();
            run.startedBy = admin.id;
            run.fileName = clip(wxrName == null || wxrName.isBlank() ? "export.xml" : wxrName, 400);
            run.uploadsName = zipName == null || zipName.isBlank() ? null : clip(zipName, 400);
            run.siteUrl = clip(header.siteUrl(), 400);
            run.defaultSection = defaultSectionId;
            run.status = ImportRun.Status.WAITING;
            run.startedAt = Instant.now(clock);
            run.persist();
            return run.id;
        });
        Path finalZip = keptZip;
        worker.submit(() -> runInBackground(id, keptWxr, finalZip, dir));
        return id;
    }

    /**
     * Takes a file of the request (deleted when the request ends) for the import: moved when it can be, so a
     * gigabyte of uploads is not on the disk twice; copied when the two places are on different file systems.
     */
    private static Path keep(Path upload, Path to) throws IOException {
        try {
            return Files.move(upload, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException cannotMove) {
            return Files.copy(upload, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The original's path when {@code path} names a size WordPress made of it ("x-300x200.jpg", "x-scaled.jpg"), else null. */
    static String sizeOf(String path) {
        for (Pattern sized : new Pattern[] {SIZED, SCALED}) {
            Matcher m = sized.matcher(path);
            if (m.matches()) {
                return m.group(1) + m.group(2);
            }
        }
        return null;
    }

    /** Reads the file up to its first item: an export has its site's address and WordPress's namespace there. */
    static Wxr.Channel sniff(Path wxr) {
        try {
            return Wxr.head(wxr);
        } catch (Wxr.NotWxrException e) {
            throw new BadUploadException("wxr", e.getMessage());
        }
    }

    private void runInBackground(long runId, Path wxr, Path zip, Path dir) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            new Run(runId, wxr, zip).go();
        } catch (Throwable e) {
            LOG.error("WordPress import " + runId + " failed", e);
            String message = e instanceof Wxr.NotWxrException ? e.getMessage()
                    : "The import stopped on an unexpected error (" + e.getClass().getSimpleName()
                    + "). What was imported so far stays; import the file again to go on (nothing is duplicated).";
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportRun run = ImportRun.findById(runId);
                    run.status = ImportRun.Status.FAILED;
                    run.message = clip(message, 1000);
                    run.finishedAt = Instant.now(clock);
                });
            } catch (RuntimeException ignored) {
                LOG.warn("Could not record the failure of WordPress import " + runId);
            }
        } finally {
            requests.terminate();
            deleteQuietly(dir);
        }
    }

    /** An attachment of the export: a picture in the media library. */
    record Attachment(long id, String title, String alt, String caption, String file, String url) {
    }

    /** One import, from start to report. */
    private final class Run {
        final long runId;
        final Path wxr;
        final Path zipPath;
        String site;
        Long defaultSection;
        StaffAccount admin;
        final Map<Long, Attachment> attachments = new HashMap<>();
        /** Guest authors (Co-Authors Plus) by their term slug ("cap-amina-diallo"): the name to show. */
        final Map<String, String> guests = new HashMap<>();
        final Map<String, String> categoryParents = new HashMap<>();
        final Map<String, String> categoryNames = new HashMap<>();
        /** Zip entries by their path under uploads ("2024/05/harbour.jpg"). */
        final Map<String, String> zipEntries = new HashMap<>();
        /** The sizes WordPress made of each original in the zip, by the original's path ("2024/05/harbour-scaled.jpg", …). */
        final Map<String, List<String>> sizesByOriginal = new HashMap<>();
        ZipFile zip;
        Wxr.Channel channel;
        final Map<String, Long> sectionsBySlug = new HashMap<>();
        final Map<String, Long> authorsByLogin = new HashMap<>();
        final Map<String, Long> authorsByTerm = new HashMap<>();
        final Set<String> imagesMissing = new LinkedHashSet<>();

        Run(long runId, Path wxr, Path zip) {
            this.runId = runId;
            this.wxr = wxr;
            this.zipPath = zip;
        }

        void go() throws IOException {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportRun run = ImportRun.findById(runId);
                run.status = ImportRun.Status.RUNNING;
                site = run.siteUrl;
                defaultSection = run.defaultSection;
                admin = StaffAccount.findById(run.startedBy);
            });
            if (admin == null) {
                throw new IllegalStateException("the admin who started the import is gone");
            }
            // First reading: everything but the posts' words.
            int[] posts = new int[1];
            channel = Wxr.read(wxr, item -> {
                switch (String.valueOf(item.type())) {
                    case "post" -> posts[0]++;
                    case "attachment" -> attachments.put(item.id(), new Attachment(item.id(), decode(item.title()),
                            item.meta().get("_wp_attachment_image_alt"), decode(item.excerpt()),
                            item.meta().get("_wp_attached_file"), item.attachmentUrl() != null ? item.attachmentUrl() : item.guid()));
                    case "guest-author" -> {
                        String name = item.meta().getOrDefault("cap-display_name", decode(item.title()));
                        if (item.name() != null && name != null && !name.isBlank()) {
                            guests.put(item.name(), name.strip());
                        }
                    }
                    default -> {
                    }
                }
            });
            site = channel.siteUrl();
            for (Wxr.Term category : channel.terms("category")) {
                if (category.slug() != null) {
                    categoryNames.put(category.slug(), decode(category.name()));
                    if (category.parent() != null) {
                        categoryParents.put(category.slug(), category.parent());
                    }
                }
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportRun run = ImportRun.findById(runId);
                run.postsTotal = posts[0];
                run.siteUrl = clip(site, 400);
            });
            if (zipPath != null) {
                zip = new ZipFile(zipPath.toFile());
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> {
                    String under = underUploads(e.getName());
                    if (under != null && zipEntries.putIfAbsent(under, e.getName()) == null) {
                        String original = sizeOf(under);
                        if (original != null) {
                            sizesByOriginal.computeIfAbsent(original, k -> new ArrayList<>()).add(under);
                        }
                    }
                });
            }
            try {
                authors();
                Wxr.read(wxr, item -> {
                    if ("post".equals(item.type())) {
                        post(item);
                    }
                });
                addresses();
                finish();
            } finally {
                if (zip != null) {
                    zip.close();
                }
            }
        }

        /** Author profiles for the export's users (a WordPress user gets no sign-in here: bylines only). */
        void authors() {
            for (Wxr.Author author : channel.authors.values()) {
                long id = author("user:" + author.login(), author.name());
                authorsByLogin.put(author.login(), id);
            }
            for (Map.Entry<String, String> guest : guests.entrySet()) {
                authorsByTerm.put(guest.getKey(), author("guest:" + guest.getKey(), guest.getValue()));
            }
            // Co-Authors Plus terms name users by login (term name) under cap-<nicename> (term slug).
            for (Wxr.Term term : channel.terms("author")) {
                if (term.slug() != null && !authorsByTerm.containsKey(term.slug()) && term.name() != null
                        && authorsByLogin.containsKey(term.name())) {
                    authorsByTerm.put(term.slug(), authorsByLogin.get(term.name()));
                }
            }
        }

        /** The author profile for this origin: the one imported before, one of that name, or a new one. */
        long author(String key, String name) {
            return QuarkusTransaction.requiringNew().call(() -> {
                String clean = clip(Text.clean(name) == null ? key : Text.clean(name), AuthorProfile.NAME_MAX);
                Optional<Long> known = Origins.find(site, Origins.Kind.AUTHOR, key)
                        .filter(id -> AuthorProfile.findById(id) != null);
                if (known.isPresent()) {
                    AuthorProfile profile = AuthorProfile.findById(known.get());
                    if (!profile.name.equals(clean)) {
                        staff.updateAuthor(profile.id, clean, profile.bio);
                        line(ImportRun.LineKind.UPDATED, "Author profile “" + clean + "” (renamed from “" + profile.name + "”)");
                    }
                    return known.get();
                }
                Optional<AuthorProfile> same = AuthorProfile.findByName(clean);
                AuthorProfile profile = same.orElseGet(() -> staff.newAuthorProfile(clean));
                Origins.remember(site, Origins.Kind.AUTHOR, key, profile.id);
                ImportRun run = ImportRun.findById(runId);
                if (same.isEmpty()) {
                    run.authorsCreated++;
                    line(ImportRun.LineKind.CREATED, "Author profile “" + clean + "”");
                } else {
                    line(ImportRun.LineKind.UNCHANGED, "Author “" + clean + "” is the author profile of that name already here");
                }
                return profile.id;
            });
        }

        void post(Wxr.Item item) {
            String title = decode(item.title());
            String label = "Post " + item.id() + " “" + (title == null ? "untitled" : clip(title, 80)) + "”";
            String status = item.status() == null ? "" : item.status();
            StoryService.ImportedAs as;
            switch (status) {
                case "publish" -> as = StoryService.ImportedAs.publishedAt(gmt(item.dateGmt(), item.date()));
                case "draft", "pending" -> as = StoryService.ImportedAs.draft();
                case "future" -> {
                    Instant at = gmt(item.dateGmt(), item.date());
                    as = at != null && at.isAfter(Instant.now(clock)) ? StoryService.ImportedAs.scheduledFor(at)
                            : StoryService.ImportedAs.draft();
                }
                case "private" -> {
                    skip(label + " is private (only signed-in users of the old site could read it): not imported");
                    return;
                }
                case "trash" -> {
                    skip(label + " is in the trash: not imported");
                    return;
                }
                default -> {
                    skip(label + " has the status “" + status + "”: not imported");
                    return;
                }
            }
            if (as.state() == org.copydesk.story.StoryState.PUBLISHED && as.at() == null) {
                skip(label + " has no publication date that can be read: not imported");
                return;
            }
            List<String> problems = new ArrayList<>();
            try {
                String body = WordPressBody.toHtml(item.content(), src -> picture(src, label), problems);
                Featured featured = featured(item, title, label, problems);
                StoryForm.Builder form = StoryForm.builder();
                form.headline = title == null || title.isBlank() ? "Untitled (WordPress post " + item.id() + ")" : clip(oneLine(title), 200);
                form.standfirst = standfirst(item.excerpt());
                form.body = body;
                form.action = "save";
                String slug = Slugs.of(decodePercent(item.name() == null ? "" : item.name()), Story.SLUG_MAX);
                if (slug.isEmpty()) {
                    slug = Slugs.of(form.headline, Story.SLUG_MAX);
                }
                Category category = category(item, label, problems);
                form.sectionId = category.section();
                List<String> tags = new ArrayList<>();
                List<Wxr.ItemTerm> itemTags = new ArrayList<>(item.terms("post_tag"));
                itemTags.addAll(item.terms("tag")); // WXR 1.0 (WordPress 2.x) named the tags' domain "tag"
                for (Wxr.ItemTerm tag : itemTags) {
                    String name = decode(tag.name());
                    if (name != null && !name.isBlank()) {
                        tags.add(name.replace(",", " ").strip());
                    }
                }
                if (category.childName() != null) {
                    tags.add(category.childName().replace(",", " ").strip());
                }
                form.tags = String.join(", ", tags);
                form.bylines = bylines(item);
                if (featured != null) {
                    form.imageKey = featured.image().publicKey;
                    form.imageAlt = featured.alt();
                    form.imageCaption = featured.caption() == null ? "" : featured.caption();
                }
                form.notesToEditor = "Imported from WordPress: " + (item.link() == null ? site + "/?p=" + item.id() : item.link());
                String finalSlug = slug;
                StoryService.ImportResult result = saveStory(item, form, finalSlug, as, problems);
                record(item, label, result, as, problems, tags);
            } catch (FormInvalidException invalid) {
                skip(label + " could not be saved: " + String.join("; ", invalid.errors().all().values()));
            } catch (RuntimeException e) {
                LOG.warn("WordPress import " + runId + ": " + label + " failed", e);
                skip(label + " could not be imported (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + clip(e.getMessage(), 200)) + ")");
            }
        }

        StoryService.ImportResult saveStory(Wxr.Item item, StoryForm.Builder form, String slug, StoryService.ImportedAs as,
                                            List<String> problems) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> save(item, form, slug, as));
            } catch (FormInvalidException invalid) {
                if (!invalid.errors().has("tags")) {
                    throw invalid;
                }
                problems.add("its tags were left out: " + invalid.errors().get("tags"));
                form.tags = "";
                return QuarkusTransaction.requiringNew().call(() -> save(item, form, slug, as));
            }
        }

        StoryService.ImportResult save(Wxr.Item item, StoryForm.Builder form, String slug, StoryService.ImportedAs as) {
            String key = String.valueOf(item.id());
            Long existing = Origins.find(site, Origins.Kind.STORY, key)
                    .filter(id -> Story.findById(id) != null).orElse(null);
            String fingerprint = fingerprint(form, slug, as);
            if (existing != null && Origins.fingerprint(site, Origins.Kind.STORY, key).filter(fingerprint::equals).isPresent()) {
                // Unchanged in WordPress since the last import: what the desk changed since is kept.
                return new StoryService.ImportResult(Story.findById(existing), false, false, null);
            }
            form.slug = Slugs.unique(slug, Story.SLUG_MAX, s -> Story.slugTaken(s, existing));
            if (existing != null) {
                Story story = Story.findById(existing);
                form.id = existing;
                form.version = story.version;
                form.language = story.language;
            }
            StoryService.ImportResult result = stories.saveImported(existing, form.build(), admin, as, COMMENT);
            Origins.remember(site, Origins.Kind.STORY, key, result.story().id, result.note() == null ? fingerprint : null);
            ImportRun run = ImportRun.findById(runId);
            int added = 0;
            for (String path : new String[] {OldAddress.ofLink(item.link()), "/?p=" + item.id(), OldAddress.shortLink(
                    item.guid() == null || item.guid().indexOf('?') < 0 ? null : item.guid().substring(item.guid().indexOf('?') + 1))}) {
                if (path != null && Origins.address(path, Origins.Kind.STORY, result.story().id, site)) {
                    added++;
                }
            }
            run.addresses += added;
            return result;
        }

        /** What the post gives its story, as a hash: the same post exported again gives the same one. */
        String fingerprint(StoryForm.Builder form, String slug, StoryService.ImportedAs as) {
            StringBuilder all = new StringBuilder();
            for (Object part : new Object[] {form.headline, form.standfirst, form.body, slug, form.sectionId, form.tags,
                    form.bylines.stream().map(b -> String.valueOf(b.authorId())).toList(), form.imageKey, form.imageAlt,
                    form.imageCaption, as.state(), as.at()}) {
                all.append(part).append('\u0000');
            }
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void record(Wxr.Item item, String label, StoryService.ImportResult result, StoryService.ImportedAs as,
                    List<String> problems, List<String> tags) {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportRun run = ImportRun.findById(runId);
                run.postsDone++;
                String state = switch (as.state()) {
                    case PUBLISHED -> "published " + WP_DATE.format(as.at().atOffset(ZoneOffset.UTC)) + " UTC";
                    case SCHEDULED -> "scheduled for " + WP_DATE.format(as.at().atOffset(ZoneOffset.UTC)) + " UTC";
                    default -> "a draft";
                };
                if (result.created()) {
                    run.storiesCreated++;
                    line(ImportRun.LineKind.CREATED, label + ": " + state);
                } else if (result.changed()) {
                    run.storiesUpdated++;
                    line(ImportRun.LineKind.UPDATED, label + ": " + state);
                } else {
                    run.storiesUpdated++;
                    line(ImportRun.LineKind.UNCHANGED, label + (result.note() == null ? ": unchanged since the last import"
                            : ": " + result.note()));
                }
                for (String problem : problems) {
                    line(ImportRun.LineKind.PROBLEM, label + ": " + problem);
                }
                for (String tag : tags) {
                    Tag.findBySlug(Slugs.of(tag, 90)).ifPresent(found -> {
                        String key = tag.toLowerCase(Locale.ROOT);
                        if (Origins.find(site, Origins.Kind.TAG, key).isEmpty()) {
                            run.tagsSeen++;
                        }
                        Origins.remember(site, Origins.Kind.TAG, key, found.id);
                    });
                }
            });
        }

        record Category(Long section, String childName) {
        }

        /**
         * The post's section: its first category's top-level parent (a section is the top of the paper: a child
         * category becomes a tag of its own on the story, under its parent's section); Uncategorized, or none,
         * the default section.
         */
        Category category(Wxr.Item item, String label, List<String> problems) {
            for (Wxr.ItemTerm term : item.terms("category")) {
                if (term.nicename().equals("uncategorized")) {
                    continue;
                }
                String top = term.nicename();
                Set<String> seen = new LinkedHashSet<>();
                while (categoryParents.containsKey(top) && seen.add(top)) {
                    top = categoryParents.get(top);
                }
                Long section = section(top, categoryNames.getOrDefault(top, decode(term.name())), problems);
                if (section != null) {
                    return new Category(section, top.equals(term.nicename()) ? null : decode(term.name()));
                }
            }
            return new Category(defaultSection(), null);
        }

        Long defaultSection() {
            if (defaultSection == null) {
                defaultSection = QuarkusTransaction.requiringNew().call(() -> {
                    List<Section> all = Section.inOrder();
                    return all.stream().filter(s -> s.slug.equals("news")).findFirst().orElse(all.get(0)).id;
                });
            }
            return defaultSection;
        }

        /** The section for a top-level category: imported before, one of that slug or name here, or a new one. */
        Long section(String slug, String name, List<String> problems) {
            if (sectionsBySlug.containsKey(slug)) {
                return sectionsBySlug.get(slug);
            }
            Long id = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Long> known = Origins.find(site, Origins.Kind.SECTION, slug).filter(s -> Section.findById(s) != null);
                if (known.isPresent()) {
                    return known.get();
                }
                String wanted = Slugs.of(decodePercent(slug), 80);
                Optional<Section> same = Section.findBySlug(wanted).or(() -> Section.<Section>find("lower(name) = lower(?1)",
                        name == null ? "" : name).firstResultOptional());
                if (same.isPresent()) {
                    Origins.remember(site, Origins.Kind.SECTION, slug, same.get().id);
                    return same.get().id;
                }
                return null;
            });
            if (id == null) {
                try {
                    id = QuarkusTransaction.requiringNew().call(() -> {
                        Section made = sections.create(clip(name == null ? slug : name, 80), Slugs.of(decodePercent(slug), 80), "");
                        Origins.remember(site, Origins.Kind.SECTION, slug, made.id);
                        ImportRun run = ImportRun.findById(runId);
                        run.sectionsCreated++;
                        line(ImportRun.LineKind.CREATED, "Section “" + made.name + "” (category " + slug + ")");
                        return made.id;
                    });
                } catch (FormInvalidException refused) {
                    String why = String.join("; ", refused.errors().all().values());
                    Long fallback = defaultSection();
                    QuarkusTransaction.requiringNew().run(() -> {
                        Origins.remember(site, Origins.Kind.SECTION, slug, fallback);
                        line(ImportRun.LineKind.PROBLEM, "Category “" + name + "” could not become a section (" + why
                                + "): its posts go to the default section");
                    });
                    id = fallback;
                }
            }
            sectionsBySlug.put(slug, id);
            return id;
        }

        /**
         * The bylines: Co-Authors Plus's authors of the post when it has them (the post's own author first, then
         * the others as the file lists them; guest authors included), else the post's author.
         */
        List<StoryForm.BylineRow> bylines(Wxr.Item item) {
            List<Long> ids = new ArrayList<>();
            Long creator = item.creator() == null ? null : authorsByLogin.get(item.creator());
            if (creator == null && item.creator() != null && !item.creator().isBlank()) {
                // An export filtered by author may leave its authors out: the login is the name then.
                creator = author("user:" + item.creator(), item.creator());
                authorsByLogin.put(item.creator(), creator);
            }
            List<Wxr.ItemTerm> coauthors = item.terms("author");
            if (!coauthors.isEmpty()) {
                List<Long> others = new ArrayList<>();
                for (Wxr.ItemTerm term : coauthors) {
                    Long id = authorsByTerm.get(term.nicename());
                    if (id == null && term.name() != null) {
                        id = authorsByLogin.get(term.name());
                    }
                    if (id == null) {
                        String guest = guests.get(term.nicename());
                        id = author("guest:" + term.nicename(), guest != null ? guest : term.name());
                        authorsByTerm.put(term.nicename(), id);
                    }
                    others.add(id);
                }
                if (creator != null && others.remove(creator)) {
                    ids.add(creator);
                }
                for (Long id : others) {
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            } else if (creator != null) {
                ids.add(creator);
            }
            return ids.stream().map(id -> new StoryForm.BylineRow(id, null, null, false)).toList();
        }

        record Featured(Image image, String alt, String caption) {
        }

        Featured featured(Wxr.Item item, String headline, String label, List<String> problems) {
            String thumbnail = item.meta().get("_thumbnail_id");
            if (thumbnail == null || thumbnail.isBlank()) {
                return null;
            }
            Attachment attachment;
            try {
                attachment = attachments.get(Long.parseLong(thumbnail.strip()));
            } catch (NumberFormatException e) {
                attachment = null;
            }
            if (attachment == null) {
                problems.add("its featured image (attachment " + thumbnail + ") is not in the export file");
                return null;
            }
            String path = attachment.file() != null ? attachment.file() : uploadsPath(attachment.url());
            Image image = path == null ? null : image(path, label);
            if (image == null) {
                problems.add("its featured image " + (path == null ? "(attachment " + attachment.id() + ")" : path)
                        + " is not in the uploads archive");
                return null;
            }
            String alt = firstNonBlank(decode(attachment.alt()), attachment.title(), headline);
            return new Featured(image, clip(oneLine(alt), Story.IMAGE_TEXT_MAX),
                    attachment.caption() == null ? null : clip(oneLine(attachment.caption()), Story.IMAGE_TEXT_MAX));
        }

        /** A picture of a post's body: its copy here, stored the first time (null when it is not in the archive). */
        WordPressBody.Picture picture(String src, String label) {
            String path = uploadsPath(src);
            if (path == null) {
                return null;
            }
            Image image = image(path, label);
            return image == null ? null : new WordPressBody.Picture(image.src(), image.standardWidth(), image.standardHeight());
        }

        /**
         * The image stored for a file under uploads ("2024/05/harbour.jpg"; a size WordPress made of it,
         * "harbour-300x200.jpg", is its original): the one imported before, or stored now from the zip.
         */
        Image image(String path, String label) {
            String original = originalOf(path);
            Optional<Image> known = QuarkusTransaction.requiringNew().call(() -> Origins.find(site, Origins.Kind.IMAGE, original)
                    .map(id -> (Image) Image.findById(id)));
            if (known.isPresent()) {
                return known.get();
            }
            String entry = zipEntries.containsKey(original) ? zipEntries.get(original) : zipEntries.get(path);
            if (zip == null || entry == null) {
                if (imagesMissing.add(original)) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        ImportRun run = ImportRun.findById(runId);
                        run.imagesMissing++;
                        line(ImportRun.LineKind.PROBLEM, "Picture " + original + (zip == null ? ": no uploads archive was given"
                                : ": not in the uploads archive") + " (" + label + ")");
                    });
                }
                return null;
            }
            List<String> refusals = new ArrayList<>();
            for (String candidate : candidates(original, entry)) {
                try {
                    Image stored = store(candidate);
                    QuarkusTransaction.requiringNew().run(() -> {
                        Origins.remember(site, Origins.Kind.IMAGE, original, stored.id);
                        ImportRun run = ImportRun.findById(runId);
                        run.imagesStored++;
                        if (!candidate.equals(entry)) {
                            line(ImportRun.LineKind.PROBLEM, "Picture " + original + " was refused (" + String.join("; ", refusals)
                                    + "): the size WordPress made of it, " + underUploads(candidate) + ", was stored instead");
                        }
                    });
                    return stored;
                } catch (ImageRejectedException rejected) {
                    refusals.add(rejected.getMessage());
                } catch (IOException e) {
                    refusals.add("it could not be read from the archive (" + e.getMessage() + ")");
                }
            }
            if (imagesMissing.add(original)) {
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportRun run = ImportRun.findById(runId);
                    run.imagesMissing++;
                    line(ImportRun.LineKind.PROBLEM, "Picture " + original + " was refused: " + String.join("; ", refusals));
                });
            }
            return null;
        }

        /**
         * The zip entries to try for a picture, best first: the original, then the sizes WordPress made of it, largest
         * first ("x-scaled.jpg", then "x-1536x1024.jpg", …), for an original this site refuses (a camera original over
         * 10 MB or 50 megapixels, which WordPress itself scales).
         */
        List<String> candidates(String original, String entry) {
            List<String> candidates = new ArrayList<>(List.of(entry));
            sizesByOriginal.getOrDefault(original, List.of()).stream()
                    .sorted(java.util.Comparator.comparingLong(Run::pixelsOf).reversed())
                    .map(zipEntries::get)
                    .filter(sized -> !sized.equals(entry))
                    .forEach(candidates::add);
            return candidates;
        }

        /** "x-scaled.jpg" first (WordPress's 2560-pixel copy), then "x-WxH.jpg" by its pixels. */
        private static long pixelsOf(String sized) {
            Matcher m = SIZE_SUFFIX.matcher(sized);
            return m.matches() ? Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)) : Long.MAX_VALUE;
        }

        /** One zip entry through the image store: a GIF as a still PNG of its first frame (GIFs are not stored here). */
        private Image store(String entry) throws IOException {
            Path file = null;
            Path still = null;
            try {
                ZipEntry zipped = zip.getEntry(entry);
                file = Files.createTempFile("copydesk-wp-image-", ".bin");
                // At most one byte more than an image may have: a zip entry that unpacks without end stops there.
                try (InputStream in = new BoundedInput(zip.getInputStream(zipped), ImageStore.MAX_BYTES + 1L)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                still = GifStill.isGif(file) ? GifStill.toPng(file) : null;
                return images.store(ImageUpload.of(still != null ? still : file), admin.id);
            } finally {
                for (Path temporary : new Path[] {file, still}) {
                    if (temporary != null) {
                        try {
                            Files.deleteIfExists(temporary);
                        } catch (IOException ignored) {
                            // a temporary file
                        }
                    }
                }
            }
        }

        /** The original upload of a size WordPress made ("x-300x200.jpg", "x-scaled.jpg"), when the zip has it. */
        String originalOf(String path) {
            String original = sizeOf(path);
            return original != null && (zipEntries.containsKey(original) || zip == null) ? original : path;
        }

        /** Old addresses of the sections, tags and authors (the posts' were written with them). */
        void addresses() {
            QuarkusTransaction.requiringNew().run(() -> {
                int added = 0;
                for (Wxr.Term category : channel.terms("category")) {
                    if (category.slug() == null) {
                        continue;
                    }
                    List<String> chain = new ArrayList<>();
                    String at = category.slug();
                    Set<String> seen = new LinkedHashSet<>();
                    while (at != null && seen.add(at)) {
                        chain.add(0, at);
                        at = categoryParents.get(at);
                    }
                    Optional<Long> section = Origins.find(site, Origins.Kind.SECTION, chain.get(0));
                    Optional<Long> tag = chain.size() > 1 ? Origins.find(site, Origins.Kind.TAG,
                            String.valueOf(decode(category.name())).toLowerCase(Locale.ROOT)) : Optional.empty();
                    Origins.Kind kind = tag.isPresent() ? Origins.Kind.TAG : Origins.Kind.SECTION;
                    Optional<Long> target = tag.isPresent() ? tag : section;
                    if (target.isEmpty()) {
                        continue;
                    }
                    for (String path : List.of("/category/" + String.join("/", chain), "/category/" + category.slug())) {
                        if (Origins.address(OldAddress.ofPath(path), kind, target.get(), site)) {
                            added++;
                        }
                    }
                }
                for (Wxr.Term tag : channel.terms("post_tag")) {
                    if (tag.slug() == null || tag.name() == null) {
                        continue;
                    }
                    Optional<Long> id = Origins.find(site, Origins.Kind.TAG, decode(tag.name()).toLowerCase(Locale.ROOT));
                    if (id.isPresent() && Origins.address(OldAddress.ofPath("/tag/" + tag.slug()), Origins.Kind.TAG, id.get(), site)) {
                        added++;
                    }
                }
                Map<String, Long> nicenames = new LinkedHashMap<>();
                for (Map.Entry<String, Long> user : authorsByLogin.entrySet()) {
                    nicenames.put(Slugs.of(user.getKey(), 60), user.getValue());
                }
                for (Map.Entry<String, Long> term : authorsByTerm.entrySet()) {
                    if (term.getKey().startsWith("cap-")) {
                        nicenames.put(term.getKey().substring(4), term.getValue());
                    }
                }
                for (Map.Entry<String, Long> author : nicenames.entrySet()) {
                    if (!author.getKey().isEmpty() && Origins.address(OldAddress.ofPath("/author/" + author.getKey()),
                            Origins.Kind.AUTHOR, author.getValue(), site)) {
                        added++;
                    }
                }
                ImportRun run = ImportRun.findById(runId);
                run.addresses += added;
            });
        }

        void finish() {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Map.Entry<String, Integer> type : channel.itemTypes.entrySet()) {
                    String why = switch (type.getKey()) {
                        case "post", "attachment", "guest-author" -> null;
                        case "page" -> "pages are not imported (Copydesk has stories, not standalone pages)";
                        case "revision" -> "revisions are not imported (each story keeps its own from now on)";
                        case "nav_menu_item" -> "menu items are not imported (the site's navigation is its sections)";
                        default -> "the post type “" + type.getKey() + "” is not imported";
                    };
                    if (why != null) {
                        line(ImportRun.LineKind.SKIPPED, type.getValue() + " × " + type.getKey() + ": " + why);
                    }
                }
                ImportRun run = ImportRun.findById(runId);
                run.status = ImportRun.Status.DONE;
                run.finishedAt = Instant.now(clock);
                run.message = clip(run.storiesCreated + " stories imported, " + run.storiesUpdated + " updated, "
                        + run.postsSkipped + " posts skipped.", 1000);
            });
        }

        void skip(String why) {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportRun run = ImportRun.findById(runId);
                run.postsDone++;
                run.postsSkipped++;
                line(ImportRun.LineKind.SKIPPED, why);
            });
        }

        void line(ImportRun.LineKind kind, String text) {
            Origins.line(runId, kind, text);
        }
    }

    /** Reads at most {@code limit} bytes of a stream, then ends as if the stream had. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** The path under uploads of a file's address or zip entry ("2024/05/x.jpg"), or null when it is not there. */
    static String underUploads(String name) {
        String path = name.replace('\\', '/');
        int at = path.lastIndexOf("/uploads/");
        if (at >= 0) {
            return path.substring(at + "/uploads/".length());
        }
        if (path.startsWith("uploads/")) {
            return path.substring("uploads/".length());
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** A picture's address in a post → its path under uploads; null when it is not an upload of the site. */
    static String uploadsPath(String src) {
        if (src == null) {
            return null;
        }
        String path = src.strip();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int at = path.indexOf("/wp-content/uploads/");
        if (at < 0) {
            return null;
        }
        return decodePercent(path.substring(at + "/wp-content/uploads/".length()));
    }

    /** A WordPress date: the GMT one, or the local one read as UTC when WordPress left the GMT one empty (drafts). */
    static Instant gmt(String dateGmt, String date) {
        for (String value : new String[] {dateGmt, date}) {
            if (value != null && !value.startsWith("0000")) {
                try {
                    return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // the next
                }
            }
        }
        return null;
    }

    /** HTML entities and tags out (WordPress keeps "&amp;" and "&#8217;" in titles and term names). */
    static String decode(String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0) {
            return text.strip();
        }
        return Jsoup.parse(text).text().strip();
    }

    static String decodePercent(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The excerpt as a standfirst: plain text, at most 400 characters, cut at a word. */
    static String standfirst(String excerpt) {
        String text = oneLine(decode(excerpt));
        if (text == null || text.isBlank()) {
            return "";
        }
        if (text.length() <= Story.STANDFIRST_MAX) {
            return text;
        }
        String cut = text.substring(0, Story.STANDFIRST_MAX - 1);
        int space = cut.lastIndexOf(' ');
        return (space > Story.STANDFIRST_MAX / 2 ? cut.substring(0, space) : cut) + "…";
    }

    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file
                }
            });
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    /** The run and its report, for the progress page. */
    public record Progress(ImportRun run, List<ImportRun.Line> lines) {
    }

    public Optional<Progress> progress(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable((ImportRun) ImportRun.findById(id))
                .map(run -> new Progress(run, Origins.lines(id, 5000))));
    }

    public List<ImportRun> latest() {
        return QuarkusTransaction.joiningExisting().call(() -> ImportRun.latest(10));
    }
}

package org.copydesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build (docs/architecture.md draws it). ArchUnit reads the compiled
 * classes, so a fully qualified name written inline counts like an import; compile-time constants (a role
 * name in {@code @RolesAllowed}) are inlined by javac and escape it, which /work/shared/tools/package-cycles,
 * reading the sources, still sees.
 */
class ArchitectureTest {

    /**
     * Bottom to top; a layer may use those below it, never one above. Why this order:
     * <ol>
     * <li>language: the languages stories and pages are written in (tags, names, direction, stemmers), needing nothing;</li>
     * <li>web: the shared web bits (forms, text, slugs, flash, errors) every feature uses;</li>
     * <li>publishing: the seam. Every writer of public things reaches down to it (people for authors, story,
     * site for settings) and every reader of them listens to it from above (audit, site, search, ops), so it
     * knows nobody: its event names what changed by id;</li>
     * <li>media and ops: images (named by id by whoever shows them), and the operations plumbing — read routing
     * and the newsroom's figures — which the public reading side uses and which needs only the public version;</li>
     * <li>people: staff, roles, sessions, author profiles (with photos);</li>
     * <li>story: stories, sections, the workflow; it fires its own events for what follows a save;</li>
     * <li>revision and audit: the story's revisions and the audit log, both recording what happened below them
     * (they observe story, people and publishing events; they hold entity links to stories and staff);</li>
     * <li>live: live coverage, its entries and the streams that carry them to readers (the site's story page shows
     * them);</li>
     * <li>site: the reader's pages, their cache, the settings; it reads the audit log for Last-Modified;</li>
     * <li>search: readers' and the desk's search (its pages wear the site's settings);</li>
     * <li>distribution: the copy for other systems (stories as ninjs, the API, its tokens), shaped as the site
     * shows it (its addresses, bylines, pictures);</li>
     * <li>desk, preview, editing, demo, wordpress, webhook: the newsroom's screens, the demo content, the WordPress
     * import, and the signed webhooks (they observe publishing's changes and send stories as distribution's ninjs;
     * nothing needs them), on top of everything.</li>
     * </ol>
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("language"),
            List.of("web"),
            List.of("publishing"),
            List.of("media", "ops"),
            List.of("people"),
            List.of("story"),
            List.of("revision", "audit"),
            List.of("live"),
            List.of("site"),
            List.of("search"),
            List.of("distribution"),
            List.of("desk", "preview", "editing", "demo", "wordpress", "webhook", "notification"));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.copydesk");
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> named = LAYERS.stream().flatMap(List::stream).toList();
        List<String> packages = classes.stream().map(c -> c.getPackageName().substring("org.copydesk.".length()).split("\\.")[0])
                .distinct().sorted().toList();
        assertThat(named).as("every package of org.copydesk has its place in the layers").containsAll(packages);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.copydesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersAreUsedOnlyFromAbove() {
        layered().check(classes);
    }

    static Architectures.LayeredArchitecture layered() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (int i = 0; i < LAYERS.size(); i++) {
            layers = layers.layer(name(i)).definedBy(LAYERS.get(i).stream().map(p -> "org.copydesk." + p + "..").toArray(String[]::new));
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = java.util.stream.IntStream.range(i + 1, LAYERS.size()).mapToObj(ArchitectureTest::name).toArray(String[]::new);
            layers = layers.whereLayer(name(i)).mayOnlyBeAccessedByLayers(above);
        }
        return layers.whereLayer(name(LAYERS.size() - 1)).mayNotBeAccessedByAnyLayer();
    }

    private static String name(int layer) {
        return String.join("/", LAYERS.get(layer));
    }

    /** JAX-RS resources: the classes annotated {@code @Path}, and any class named ...Resource. */
    static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe("resources",
            c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class) || c.getSimpleName().endsWith("Resource"));

    /** A resource reads the request and answers; the service it calls owns the transaction and the persistence. */
    @Test
    void resourcesNeverOpenTransactionsNorTouchTheEntityManager() {
        noClasses().that(RESOURCES).should().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat(RESOURCES).should().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .check(classes);
        noClasses().that(RESOURCES).should().dependOnClassesThat().belongToAnyOf(
                        io.quarkus.narayana.jta.QuarkusTransaction.class, jakarta.transaction.UserTransaction.class,
                        jakarta.transaction.TransactionManager.class, jakarta.persistence.EntityManager.class,
                        io.quarkus.hibernate.orm.panache.Panache.class)
                .orShould().callMethodWhere(DescribedPredicate.describe("getEntityManager()",
                        call -> call.getName().equals("getEntityManager")))
                .check(classes);
    }

    /** Only the seam raises the public version: in code (ArchUnit) and in SQL written anywhere (the sources). */
    @Test
    void onlyPublishingRaisesThePublicVersion() throws IOException {
        noClasses().that().resideOutsideOfPackage("org.copydesk.publishing..")
                .should().callMethodWhere(DescribedPredicate.describe("PublicVersion.raise()",
                        call -> call.getTargetOwner().getName().equals("org.copydesk.publishing.PublicVersion")
                                && call.getName().equals("raise")))
                .check(classes);
        Path sources = Path.of("src/main/java/org/copydesk");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> raising = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(sources.resolve("publishing")))
                    .filter(f -> read(f).replaceAll("\\s+", " ").toLowerCase().contains("update public_version"))
                    .toList();
            assertThat(raising).as("classes outside publishing writing public_version").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.copydesk.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * What the app itself answers, read from its own resources (their {@code @Path} and {@code @QueryParam}
 * annotations) and settings, so that a new page is known here without anyone remembering to list it: the
 * first path segments the site uses (a section may not take one, or its stories would be shadowed), and the
 * query parameters readers' pages read (the others, such as a share link's {@code utm_source}, change
 * nothing on a page).
 */
@ApplicationScoped
public class AppRoutes {

    /**
     * Top-level names answered outside the REST resources and settings read here: the folder under
     * META-INF/resources, and names kept for what a site commonly grows (an API) or browsers ask for.
     */
    static final Set<String> BEYOND_RESOURCES = Set.of("assets", "api", "favicon.ico");

    private final Set<String> topLevel;
    private final Set<String> publicQueryParameters;

    @Inject
    AppRoutes(BeanManager beans, QuarkusSettings quarkus) {
        Set<String> names = new TreeSet<>(BEYOND_RESOURCES);
        names.add(firstSegment(quarkus.nonApplicationRootPath()));
        names.add(firstSegment(quarkus.bundlePath()));
        Set<String> parameters = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            for (Method method : type.getMethods()) {
                Path methodPath = method.getAnnotation(Path.class);
                if (classPath == null && methodPath == null) {
                    continue;
                }
                String path = join(classPath, methodPath);
                String first = firstSegment(path);
                if (!first.isEmpty() && !first.startsWith("{")) {
                    names.add(first);
                }
                if (method.isAnnotationPresent(GET.class) && !first.equals("desk")) {
                    for (Parameter parameter : method.getParameters()) {
                        QueryParam query = parameter.getAnnotation(QueryParam.class);
                        if (query != null) {
                            parameters.add(query.value());
                        }
                    }
                }
            }
        }
        this.topLevel = Set.copyOf(names);
        this.publicQueryParameters = Set.copyOf(parameters);
    }

    /** The first path segments the app answers (lower case): "desk", "images", "feed.xml", "q", ... */
    public Set<String> topLevel() {
        return topLevel;
    }

    /**
     * Whether a section slug would sit where the app answers something itself: a top-level name ("images",
     * "desk", "q"), or a file's name as a slug is made of it ("feed-xml" for feed.xml: a section named so would
     * read as the file).
     */
    public boolean shadows(String slug) {
        String wanted = slug.toLowerCase(Locale.ROOT);
        return topLevel.contains(wanted) || topLevel.stream().anyMatch(name -> name.replace('.', '-').equals(wanted));
    }

    /** The query parameters readers' pages read (page, q, section, author, ...). */
    public Set<String> publicQueryParameters() {
        return publicQueryParameters;
    }

    private static String join(Path classPath, Path methodPath) {
        String path = (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        return path.replaceAll("/+", "/");
    }

    private static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return (slash < 0 ? trimmed : trimmed.substring(0, slash)).toLowerCase(Locale.ROOT);
    }
}

package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.testing.Browser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The desk's addresses come from {@link DeskPaths}: each is the one the newsroom knows (PRODUCT.md's "Where things
 * live", and the ones bookmarks and tests use), each is answered by a route, and every desk route has its maker.
 */
@QuarkusTest
class DeskPathsTest {

    @Inject
    BeanManager beans;

    @Test
    void theAddressesAreTheDocumentedOnes() {
        List<Map.Entry<String, String>> made = List.of(
                Map.entry(DeskPaths.home(), "/desk"),
                Map.entry(DeskPaths.newStory(), "/desk/stories/new"),
                Map.entry(DeskPaths.stories(), "/desk/stories"),
                Map.entry(DeskPaths.story(12), "/desk/stories/12"),
                Map.entry(DeskPaths.storyRestoringAutosave(12), "/desk/stories/12?restore=autosave"),
                Map.entry(DeskPaths.storyComments(12), "/desk/stories/12#comments"),
                Map.entry(DeskPaths.storyPreviews(12), "/desk/stories/12#previews"),
                Map.entry(DeskPaths.storyHistory(12), "/desk/stories/12/history"),
                Map.entry(DeskPaths.storyUnpublishAction(12), "/desk/stories/12/unpublish"),
                Map.entry(DeskPaths.storyCancelScheduleAction(12), "/desk/stories/12/cancel-schedule"),
                Map.entry(DeskPaths.storyCorrectionAction(12), "/desk/stories/12/corrections"),
                Map.entry(DeskPaths.storyLive(12), "/desk/stories/12/live"),
                Map.entry(DeskPaths.storyLiveEntriesAction(12), "/desk/stories/12/live/entries"),
                Map.entry(DeskPaths.storyLiveEntry(12, 5), "/desk/stories/12/live/entries/5"),
                Map.entry(DeskPaths.storyLiveEntryDeleteAction(12, 5), "/desk/stories/12/live/entries/5/delete"),
                Map.entry(DeskPaths.storyLiveStartAction(12), "/desk/stories/12/live/start"),
                Map.entry(DeskPaths.storyLiveEndAction(12), "/desk/stories/12/live/end"),
                Map.entry(DeskPaths.storyTranslateAction(12), "/desk/stories/12/translations"),
                Map.entry(DeskPaths.sectionLanguageAction(3), "/desk/sections/3/language"),
                Map.entry(DeskPaths.storyCommentAction(12), "/desk/stories/12/comments"),
                Map.entry(DeskPaths.storyAutosave(12), "/desk/stories/12/autosave"),
                Map.entry(DeskPaths.storyDiscardAutosaveAction(12), "/desk/stories/12/autosave/discard"),
                Map.entry(DeskPaths.storyLease(12), "/desk/stories/12/lease"),
                Map.entry(DeskPaths.storyLeaseRelease(12), "/desk/stories/12/lease/release"),
                Map.entry(DeskPaths.storyPreview(12), "/desk/stories/12/preview"),
                Map.entry(DeskPaths.newStoryPreview(), "/desk/stories/new/preview"),
                Map.entry(DeskPaths.storyShareAction(12), "/desk/stories/12/preview/links"),
                Map.entry(DeskPaths.storyRevokeAction(12, 7), "/desk/stories/12/preview/links/7/revoke"),
                Map.entry(DeskPaths.revisionsCompare(12), "/desk/stories/12/revisions/compare"),
                Map.entry(DeskPaths.revisionsCompare(12, 2, 3), "/desk/stories/12/revisions/compare?from=2&to=3"),
                Map.entry(DeskPaths.revisionRestoreAction(12, 2), "/desk/stories/12/revisions/2/restore"),
                Map.entry(DeskPaths.sections(), "/desk/sections"),
                Map.entry(DeskPaths.authors(), "/desk/authors"),
                Map.entry(DeskPaths.author(5), "/desk/authors/5"),
                Map.entry(DeskPaths.authorPhotoAction(5), "/desk/authors/5/photo"),
                Map.entry(DeskPaths.staff(), "/desk/staff"),
                Map.entry(DeskPaths.staffRoleAction(4), "/desk/staff/4/role"),
                Map.entry(DeskPaths.staffEnabledAction(4), "/desk/staff/4/enabled"),
                Map.entry(DeskPaths.account(), "/desk/account"),
                Map.entry(DeskPaths.accountEmailAction(), "/desk/account/email"),
                Map.entry(DeskPaths.notifications(), "/desk/notifications"),
                Map.entry(DeskPaths.notificationsPage(3), "/desk/notifications?page=3"),
                Map.entry(DeskPaths.notification(8), "/desk/notifications/8"),
                Map.entry(DeskPaths.notificationsReadAction(), "/desk/notifications/read"),
                Map.entry(DeskPaths.notificationPreferencesAction(), "/desk/notifications/preferences"),
                Map.entry(DeskPaths.audit(), "/desk/audit"),
                Map.entry(DeskPaths.search(), "/desk/search"),
                Map.entry(DeskPaths.images(), "/desk/images"),
                Map.entry(DeskPaths.storyLinkSearch(), "/desk/story-links"),
                Map.entry(DeskPaths.tagSuggestions(), "/desk/tags"),
                Map.entry(DeskPaths.settings(), "/desk/settings"),
                Map.entry(DeskPaths.settingsLogoAction(), "/desk/settings/logo"),
                Map.entry(DeskPaths.integrations(), "/desk/integrations"),
                Map.entry(DeskPaths.integrationTokensAction(), "/desk/integrations/tokens"),
                Map.entry(DeskPaths.integrationTokenRevokeAction(3), "/desk/integrations/tokens/3/revoke"),
                Map.entry(DeskPaths.imports(), "/desk/import"),
                Map.entry(DeskPaths.importRun(9), "/desk/import/9"),
                Map.entry(DeskPaths.webhooks(), "/desk/integrations/webhooks"),
                Map.entry(DeskPaths.webhookEnabledAction(4), "/desk/integrations/webhooks/4/enabled"),
                Map.entry(DeskPaths.webhookDeleteAction(4), "/desk/integrations/webhooks/4/delete"));
        made.forEach(address -> assertThat(address.getKey()).isEqualTo(address.getValue()));
        assertThat(made).as("every address DeskPaths makes is listed here").hasSize(addressMakers().size());
    }

    @Test
    void theDeskIsItsOwnFirstSegmentOnly() {
        assertThat(DeskPaths.isDesk("/desk")).isTrue();
        assertThat(DeskPaths.isDesk("/desk/stories/12")).isTrue();
        assertThat(DeskPaths.isDesk("/desktop")).isFalse();
        assertThat(DeskPaths.isDesk("/world/desk")).isFalse();
        assertThat(DeskPaths.isInDesk("/desk")).isFalse();
        assertThat(DeskPaths.isInDesk("/desk/images")).isTrue();
    }

    /** A changed route without its maker (or a maker without its route) would send people to a 404. */
    @Test
    void everyAddressHasItsRouteAndEveryDeskRouteItsAddress() {
        List<String> routes = deskRoutes();
        List<String> addresses = new ArrayList<>();
        for (Method maker : addressMakers()) {
            String address = invokeWithSampleArguments(maker);
            String path = address.replaceAll("[?#].*$", "");
            addresses.add(path);
            assertThat(routes).as("a route for %s (%s)", address, maker.getName())
                    .anyMatch(route -> routePattern(route).matcher(path).matches());
        }
        for (String route : routes) {
            assertThat(addresses).as("an address made for the route %s", route)
                    .anyMatch(path -> routePattern(route).matcher(path).matches());
        }
    }

    @Test
    void pagesCarryTheAddressesMadeHere() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document form = admin.page(DeskPaths.newStory());
        assertThat(form.getElementById("story-form-config").attr("data-image-upload-url")).isEqualTo("/desk/images");
        assertThat(form.getElementById("story-form-config").attr("data-link-search-url")).isEqualTo("/desk/story-links");
        assertThat(form.select("header.desk-header a").eachAttr("href"))
                .contains("/desk", "/desk/stories/new", "/desk/search", "/desk/sections", "/desk/authors", "/desk/staff",
                        "/desk/audit", "/desk/settings", "/desk/account", "/desk/notifications");
        assertThat(form.getElementById("story-form").attr("action")).isEqualTo("/desk/stories");
    }

    private static List<Method> addressMakers() {
        List<Method> makers = new ArrayList<>();
        for (Method method : DeskPaths.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() == String.class) {
                makers.add(method);
            }
        }
        return makers;
    }

    private static String invokeWithSampleArguments(Method maker) {
        Object[] arguments = new Object[maker.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            // A long is a story's, account's or link's number; an int, a revision's.
            arguments[i] = maker.getParameterTypes()[i] == long.class ? (Object) (12L + i) : (Object) (2 + i);
        }
        try {
            return (String) maker.invoke(null, arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(maker.getName(), e);
        }
    }

    /** The desk's routes as their resources declare them ("/desk/stories/{id}/history"). */
    private List<String> deskRoutes() {
        List<String> routes = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            for (Method method : type.getMethods()) {
                boolean answers = Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (!answers || classPath == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String route = (classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()))
                        .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                if (DeskPaths.isDesk(route) && !routes.contains(route)) {
                    routes.add(route);
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(20);
        return routes;
    }

    private static Pattern routePattern(String route) {
        Matcher parameter = Pattern.compile("\\{[^}:]+(?::\\s*([^}]+))?}").matcher(route);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(route.substring(last, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1) + ")");
            last = parameter.end();
        }
        regex.append(Pattern.quote(route.substring(last)));
        return Pattern.compile(regex.toString());
    }
}

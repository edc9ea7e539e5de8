package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.copydesk.testing.Browser;
import org.junit.jupiter.api.Test;

/** Every page says where scripts may come from (only this site, never inline) and the desk cannot be framed. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void publicPagesForbidInlineAndForeignScripts() {
        Response front = new Browser().get("/");
        String csp = front.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(front.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(front.header("Referrer-Policy")).isNotBlank();
    }

    @Test
    void deskPagesCannotBeFramed() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Response desk = admin.get("/desk");
        List<String> policies = desk.headers().getValues("Content-Security-Policy");
        assertThat(policies).anyMatch(p -> p.contains("frame-ancestors 'none'"));
        assertThat(desk.header("X-Frame-Options")).isEqualTo("DENY");
    }
}

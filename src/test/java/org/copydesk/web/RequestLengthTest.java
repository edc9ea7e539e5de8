package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The length rule of {@link OversizedUploads} (a body other than a form must say its length) on both HTTP versions:
 * HTTP/1.1's chunks and an HTTP/2 stream without a length are refused (411); requests without a body, and bodies
 * that say their length, pass on both.
 */
@QuarkusTest
class RequestLengthTest {

    private static final String JSON = "{\"headline\": \"x\"}";

    @Test
    void overHttp11ABodyInChunksIsRefusedAndOneWithItsLengthPasses() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(http.send(get("/"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<String> chunked = http.send(post(HttpRequest.BodyPublishers.ofInputStream(this::json)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.body()).contains("Content-Length");
        assertThat(http.send(post(HttpRequest.BodyPublishers.ofString(JSON)), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("no token: the API's own answer").isEqualTo(401);
    }

    @Test
    void overHttp2PagesAnswerAndOnlyABodyWithoutALengthIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        http.send(get("/"), HttpResponse.BodyHandlers.discarding()); // the first request upgrades the connection (h2c)
        HttpResponse<Void> page = http.send(get("/"), HttpResponse.BodyHandlers.discarding());
        assertThat(page.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> api = http.send(get("/api/v1/stories"), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);

        HttpResponse<String> withLength = http.send(post(HttpRequest.BodyPublishers.ofString(JSON)), HttpResponse.BodyHandlers.ofString());
        assertThat(withLength.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(withLength.statusCode()).as("no token: the API's own answer").isEqualTo(401);
        HttpResponse<String> withoutLength = http.send(post(HttpRequest.BodyPublishers.ofInputStream(this::json)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutLength.statusCode()).isEqualTo(411);
        assertThat(http.send(get("/"), HttpResponse.BodyHandlers.discarding()).statusCode()).as("the connection still serves")
                .isEqualTo(200);
    }

    private ByteArrayInputStream json() {
        return new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(address(path)).GET().build();
    }

    private static HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(address("/api/v1/drafts")).header("Content-Type", "application/json").POST(body).build();
    }

    private static URI address(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }
}

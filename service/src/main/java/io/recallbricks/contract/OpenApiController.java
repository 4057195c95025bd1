package io.recallbricks.contract;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.yml}: the API contract, an OpenAPI 3 document generated from the controllers at build time by
 * Micronaut OpenAPI (see {@code openapi.properties}) and packaged in the jar. {@code /swagger-ui/} browses it.
 */
@Controller
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/recallbricks.yml";
    static final String YAML = "application/yaml";

    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the jar: the build did not generate it");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Hidden
    @Get("/openapi.yml")
    @Produces({YAML, "text/yaml", "text/plain"})
    public HttpResponse<String> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}

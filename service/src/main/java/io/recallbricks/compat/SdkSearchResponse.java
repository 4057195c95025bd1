package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.retrieval.SearchService;

import java.util.List;

/** The original search response, unchanged, with the SDKs' {@code results[]} beside {@code memories[]}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkSearchResponse(@JsonUnwrapped SearchService.Response original, List<SdkSearchResult> results) {
}

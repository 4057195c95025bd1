package io.recallbricks.embedding;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The one {@link EmbeddingProvider} of the service, from {@link EmbeddingSettings#chosenProvider()}. Only the chosen
 * provider is created: the other's HTTP client or model never exist.
 */
@Factory
class EmbeddingProviders {

    @Singleton
    EmbeddingProvider provider(EmbeddingSettings settings, BeanProvider<EmbeddingClient> openai,
                               BeanProvider<LocalEmbeddings> local) {
        return switch (settings.chosenProvider()) {
            case "openai" -> openai.get();
            case "none" -> new NoEmbeddings();
            default -> local.get();
        };
    }
}

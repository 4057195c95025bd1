package io.recallbricks.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Query parameters (search queries, contexts, tag filters) reach SQL as text: one holding a character PostgreSQL
 * cannot store ({@code ?q=a%00b}) is refused with 400 before anything runs, instead of failing in the database.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class QueryTextFilter implements Ordered {

    @RequestFilter
    public void check(HttpRequest<?> request) {
        for (Map.Entry<String, java.util.List<String>> parameter : request.getParameters().asMap().entrySet()) {
            StorableText.check("query parameter", parameter.getKey());
            for (String value : parameter.getValue()) {
                StorableText.check(parameter.getKey(), value);
            }
        }
    }

    @Override
    public int getOrder() {
        // After the rate limits and authentication: a refusal here must not be a free probe of the service.
        return ServerFilterPhase.SECURITY.after() + 1;
    }
}

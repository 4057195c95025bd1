package io.recallbricks.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The guide's compression opt-out: a request with {@code x-no-compression} gets its response uncompressed even if
 * it accepts gzip. Netty compresses text responses of COMPRESSION_THRESHOLD_BYTES or more for clients that accept
 * it, and leaves alone a response that already declares its encoding, which is what this filter does.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CompressionOptOutFilter {

    static final String OPT_OUT_HEADER = "x-no-compression";

    @ResponseFilter
    public void optOut(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getHeaders().contains(OPT_OUT_HEADER)) {
            response.header(HttpHeaders.CONTENT_ENCODING, "identity");
        }
    }
}

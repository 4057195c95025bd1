package io.recallbricks.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the peer is one of the
 * configured reverse proxies ({@code TRUSTED_PROXIES}): anyone else could name any address in it and so escape a
 * per-address limit or pass an address-based rule. Behind a chain of trusted proxies the client is the right-most
 * entry that is not itself a trusted proxy (the left part of the header is whatever the client sent).
 */
@Singleton
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;

    public ClientAddress(@Nullable @Value("${recallbricks.web.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Cidr.parseList(trustedProxies);
    }

    /** The client's address; null only when the transport did not say who the peer is. */
    @Nullable
    public InetAddress of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress() == null ? null : request.getRemoteAddress().getAddress();
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        List<String> headers = request.getHeaders().getAll(FORWARDED_FOR);
        InetAddress client = peer;
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] hops = headers.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = Cidr.literal(hops[i]).orElse(null);
                if (hop == null) {
                    return client; // garbage from further left cannot be trusted
                }
                client = hop;
                if (!trusted(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    /** The client's address as text, for bucket keys ("unknown" without one). */
    public String key(HttpRequest<?> request) {
        InetAddress address = of(request);
        return address == null ? "unknown" : address.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }
}

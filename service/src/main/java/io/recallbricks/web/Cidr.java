package io.recallbricks.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A network in CIDR form ({@code 10.0.0.0/8}, {@code ::1/128}); an address without a prefix is a single host. */
public record Cidr(byte[] network, int prefix) {

    /** A comma-separated list of networks; null or empty is none. */
    public static java.util.List<Cidr> parseList(String text) {
        return text == null ? java.util.List.of() : java.util.Arrays.stream(text.split(","))
                .map(String::trim).filter(network -> !network.isEmpty()).map(Cidr::parse).toList();
    }

    /** An IP literal (never a host name: parsing one must not cost a DNS lookup), or empty. */
    public static java.util.Optional<InetAddress> literal(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || !trimmed.matches("[0-9A-Fa-f:.]+") || !(trimmed.contains(".") || trimmed.contains(":"))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(trimmed));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (!parts[0].matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not a network: " + text);
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range in " + text);
            }
            return new Cidr(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a network: " + text, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefix % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits);
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}

package io.recallbricks.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void matchesAddressesInsideThePrefixOnly() throws Exception {
        Cidr twelve = Cidr.parse("172.16.0.0/12");

        assertTrue(twelve.contains(InetAddress.getByName("172.16.0.1")));
        assertTrue(twelve.contains(InetAddress.getByName("172.31.255.255")));
        assertFalse(twelve.contains(InetAddress.getByName("172.32.0.0")));
        assertFalse(twelve.contains(InetAddress.getByName("::1")), "an IPv6 address is never in an IPv4 network");
        assertTrue(Cidr.parse("::1/128").contains(InetAddress.getByName("::1")));
        assertTrue(Cidr.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.3")));
        assertFalse(Cidr.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.4")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void rejectsPrefixesLongerThanTheAddress() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }
}

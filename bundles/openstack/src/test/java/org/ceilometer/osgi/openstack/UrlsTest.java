package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void identityV3() {
        assertEquals("http://h:5000/v3", Urls.identityV3("http://h:5000"));
        assertEquals("http://h:5000/v3", Urls.identityV3("http://h:5000/"));
        assertEquals("http://h:5000/v3", Urls.identityV3("http://h:5000/v3/"));
        assertEquals("http://h:5000/v3", Urls.identityV3("http://h:5000/v2.0"));
        assertEquals("https://h/identity/v3", Urls.identityV3("https://h/identity"));
        assertEquals("https://h/identity/v3", Urls.identityV3("https://h/identity/v3"));
    }

    @Test
    void nextLinks() {
        assertEquals("http://h/image/v2/images?marker=x",
                Urls.resolveNext("http://h/image/v2/images?limit=5", "/v2/images?marker=x"));
        assertEquals("http://h/image/v2/images?marker=x",
                Urls.resolveNext("http://h/image/v2/images", "/image/v2/images?marker=x"));
        assertEquals("http://h:9292/v2/images?marker=x",
                Urls.resolveNext("http://h:9292/v2/images", "/v2/images?marker=x"));
        assertEquals("http://h/image/v2/images?marker=x",
                Urls.resolveNext("http://h/image/v2/images/detail", "/v2/images?marker=x"));
        assertEquals("http://other/v2/images?marker=x",
                Urls.resolveNext("http://h/image/v2/images", "http://other/v2/images?marker=x"));
        assertEquals("http://h/image/v2/images?marker=x",
                Urls.resolveNext("http://h/image/v2/images?limit=1", "images?marker=x"));
        assertEquals("http://h/unrelated?marker=x", Urls.resolveNext("http://h/image/v2/images", "/unrelated?marker=x"));
    }

    @Test
    void queryAndRedaction() {
        assertEquals("http://h/x?format=json&limit=2", Urls.withQuery("http://h/x?format=json", "limit", "2"));
        assertEquals("http://h/x?format=json&limit=3", Urls.withQuery("http://h/x?limit=2&format=json", "limit", "3"));
        assertEquals("http://h/x?marker=a%20b%2Fc", Urls.withQuery("http://h/x", "marker", "a b/c"));
        assertEquals("http://h:80/x", Urls.redact("http://user:secret@h:80/x"));
        assertEquals("http://h/x?a=b@c", Urls.redact("http://h/x?a=b@c"));
    }
}

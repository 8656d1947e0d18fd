package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesAndUrlsTest {
    /** telemetry-dynamic-pollster.rst, "response_handlers": the three handlers' documented results. */
    @Test
    void handlersGiveTheDocumentedData() throws IOException {
        Map<String, Object> list = Map.of("test", Map.of("list", List.of(1L, 2L, 3L)));
        assertEquals(list, ResponseHandler.JSON.handle("{\"test\": {\"list\": [1, 2, 3]}}"));
        // xmltodict gives text, not numbers (the document shows numbers)
        assertEquals(Map.of("test", Map.of("list", List.of("1", "2", "3"))),
                ResponseHandler.XML.handle("<test>\n  <list>1</list>\n  <list>2</list>\n  <list>3</list>\n</test>"));
        assertEquals(List.of(Map.of("out", "Plain text response")), ResponseHandler.TEXT.handle("Plain text response"));
        assertThrows(IOException.class, () -> ResponseHandler.JSON.handle("Plain text response"));
        assertThrows(IOException.class, () -> ResponseHandler.XML.handle("{\"a\": 1}"));
    }

    @Test
    void xmlFollowsXmltodict() throws IOException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("@id", "7");
        inner.put("ns:name", "n");
        inner.put("empty", null);
        inner.put("#text", "tail");
        assertEquals(Map.of("root", inner),
                XmlToDict.parse("<root id=\"7\"><ns:name>n</ns:name><empty/>tail</root>"));
        assertEquals(Map.of("test", "123"), XmlToDict.parse("<test>123</test>"));
        assertThrows(IOException.class, () -> XmlToDict.parse(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    }

    @Test
    void urlJoinFollowsUrljoin() {
        assertEquals("http://h:1/v2/servers", Urls.join("http://h:1/v2/", "servers"));
        assertEquals("http://h:1/servers", Urls.join("http://h:1/v2/", "/servers"));
        assertEquals("http://h:1/v2/servers?a=1&b=2", Urls.join("http://h:1/v2/", "servers?a=1&b=2"));
        assertEquals("https://x/y", Urls.join("http://h:1/v2/", "https://x/y"));
        assertEquals("http://x/y", Urls.join("http://h:1/v2/", "//x/y"));
        assertEquals("http://h:1/v2/x?q", Urls.join("http://h:1/v2/x?p", "?q"));
        assertEquals("http://h:1/a", Urls.join("http://h:1/v2/b/", "../../a"));
        assertEquals("http://h:1/v1/test-volumes/marker=c3", Urls.join("http://h:1/", "v1/test-volumes/marker=c3"));
        assertEquals("http://server.com/next_page", Urls.join("http://server.com/v1/test/endpoint/fake/", "/next_page"));
    }

    @Test
    void redactedUrlsCarryNoCredentials() {
        assertEquals("http://h/p?...", Urls.redact("http://user:pw@h/p?token=x"));
        assertEquals("https://h:1/a", Urls.redact("https://h:1/a"));
    }
}

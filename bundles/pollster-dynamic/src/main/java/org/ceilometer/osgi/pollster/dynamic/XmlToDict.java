package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML to the dict that Python's {@code xmltodict.parse} gives with its defaults: {@code {root: content}};
 * an element with neither attributes nor children is its stripped text (None when empty); otherwise a
 * dict of {@code @attribute} values, children by name (a list when a name repeats) and {@code #text}.
 * Names keep their prefixes. No DTD, no external entity is read.
 */
final class XmlToDict {
    private XmlToDict() {}

    static Map<String, Object> parse(String xml) throws IOException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        try {
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = f.newSAXParser();
            Handler h = new Handler();
            parser.parse(new InputSource(new StringReader(xml)), h);
            return h.root;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
    }

    private static final class Element {
        final String name;
        final Map<String, Object> items = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();

        Element(String name) {
            this.name = name;
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<Element> stack = new ArrayDeque<>();
        Map<String, Object> root;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element e = new Element(qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                e.items.put("@" + attributes.getQName(i), attributes.getValue(i));
            }
            stack.push(e);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Element e = stack.pop();
            String text = e.text.toString().strip();
            Object value;
            if (e.items.isEmpty()) {
                value = text.isEmpty() ? null : text;
            } else {
                if (!text.isEmpty()) {
                    e.items.put("#text", text);
                }
                value = e.items;
            }
            if (stack.isEmpty()) {
                root = new LinkedHashMap<>();
                root.put(e.name, value);
                return;
            }
            Map<String, Object> parent = stack.peek().items;
            if (parent.containsKey(e.name)) {
                Object prior = parent.get(e.name);
                if (prior instanceof RepeatedList) {
                    ((RepeatedList) prior).add(value);
                } else {
                    RepeatedList l = new RepeatedList();
                    l.add(prior);
                    l.add(value);
                    parent.put(e.name, l);
                }
            } else {
                parent.put(e.name, value);
            }
        }
    }

    /** The list made for a repeated child name (distinct from a value that is a list already). */
    private static final class RepeatedList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

    }
}

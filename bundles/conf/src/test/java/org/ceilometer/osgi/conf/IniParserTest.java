package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ceilometer.osgi.conf.IniDocument.Entry;
import org.junit.jupiter.api.Test;

class IniParserTest {
    @Test
    void sectionsKeysValuesAndComments() throws Exception {
        IniDocument d = IniParser.parse(String.join("\n",
                "# a comment",
                "; another",
                "[DEFAULT]",
                "host = node-1",
                "debug:true",
                "",
                "[Database]",
                "connection = mongodb://u:p@h:27017/c?a=b",
                "   # not a continuation of nothing: this is after a blank line? no, it continues",
                ""));
        assertEquals(List.of("DEFAULT", "database"), List.copyOf(d.sections().keySet()));
        assertEquals("node-1", d.last("DEFAULT", "host").value());
        assertEquals("true", d.last("DEFAULT", "debug").value());
        Entry c = d.last("database", "connection");
        assertEquals(8, c.line());
        // an indented line continues the value, even one that starts with '#'
        assertEquals("mongodb://u:p@h:27017/c?a=b\n# not a continuation of nothing: this is after a blank line? no,"
                + " it continues", c.value());
    }

    @Test
    void theFirstOfEqualsAndColonSplits() throws Exception {
        IniDocument d = IniParser.parse("[DEFAULT]\nurl: http://h:5000/v3\nk = a:b\nx:y=z\n");
        assertEquals("http://h:5000/v3", d.last("DEFAULT", "url").value());
        assertEquals("a:b", d.last("DEFAULT", "k").value());
        assertEquals("y=z", d.last("DEFAULT", "x").value());
    }

    @Test
    void noInlineCommentsAndQuotesStripped() throws Exception {
        IniDocument d = IniParser.parse("[s]\na = 1 # not a comment\nb = \"quoted  \"\nc = 'x'\nd = \"x'\ne = \"\n");
        assertEquals("1 # not a comment", d.last("s", "a").value());
        assertEquals("quoted  ", d.last("s", "b").value());
        assertEquals("x", d.last("s", "c").value());
        assertEquals("\"x'", d.last("s", "d").value());
        assertEquals("\"", d.last("s", "e").value());
    }

    @Test
    void continuationLinesJoinWithNewlinesUntilABlankLine() throws Exception {
        IniDocument d = IniParser.parse("[s]\nmulti = one\n\ttwo\n  three\n\nnext = 4\n");
        assertEquals("one\ntwo\nthree", d.last("s", "multi").value());
        assertEquals(2, d.last("s", "multi").line());
        assertEquals("4", d.last("s", "next").value());
        assertEquals(6, d.last("s", "next").line());
    }

    @Test
    void repeatedKeysAreAllKeptInOrder() throws Exception {
        IniDocument d = IniParser.parse("[DEFAULT]\nx = 1\nx = 2\n[DEFAULT]\nx = 3\n");
        assertEquals(3, d.section("DEFAULT").size());
        assertEquals("3", d.last("DEFAULT", "x").value());
        assertEquals(1, d.sections().size());
        assertEquals(1, d.sections().get("DEFAULT"));
    }

    @Test
    void defaultKeepsItsCaseOtherSectionsAreLowerCased() throws Exception {
        IniDocument d = IniParser.parse("[default]\na=1\n[DATABASE]\nb=2\n[DEFAULT]\nc=3\n");
        assertEquals("1", d.last("default", "a").value());
        assertEquals("2", d.last("database", "b").value());
        assertEquals("3", d.last("DEFAULT", "c").value());
    }

    @Test
    void utf8AndAByteOrderMark() throws Exception {
        byte[] bytes = "\uFEFF[DEFAULT]\nname = Zürich – 東京\n".getBytes(StandardCharsets.UTF_8);
        IniDocument d = IniParser.parse(bytes);
        assertEquals("Zürich – 東京", d.last("DEFAULT", "name").value());
    }

    @Test
    void errorsNameTheLineAndTheRuleButNotTheText() {
        assertRule("[DEFAULT]\nok = 1\njust-words-secretpw\n", 3, "no ':' or '=' found in assignment");
        assertRule("key = 1\n", 1, "section must be started before assignment");
        assertRule("[DEFAULT]\n= 1\n", 2, "key cannot be empty");
        assertRule("  indented\n[DEFAULT]\n", 1, "unexpected continuation line");
        assertRule("[DEFAULT\n", 1, "invalid section (must end with ])");
        assertRule("[]\n", 1, "empty section name");
        IniParseException e = assertThrows(IniParseException.class,
                () -> IniParser.parse("[DEFAULT]\nok = 1\njust-words-secretpw\n"));
        assertFalse(e.getMessage().contains("secretpw"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorWithTheirLine() {
        byte[] bytes = {'[', 'D', 'E', 'F', 'A', 'U', 'L', 'T', ']', '\n', 'a', '=', (byte) 0xC3, (byte) 0x28, '\n'};
        IniParseException e = assertThrows(IniParseException.class, () -> IniParser.parse(bytes));
        assertEquals(2, e.line());
        assertTrue(e.rule().contains("UTF-8"));
    }

    @Test
    void windowsLineEndingsAndTrailingWhitespace() throws Exception {
        IniDocument d = IniParser.parse("[DEFAULT]\r\nhost = a  \t\r\n\r\nport = 1\r\n");
        assertEquals("a", d.last("DEFAULT", "host").value());
        assertEquals(4, d.last("DEFAULT", "port").line());
    }

    private static void assertRule(String text, int line, String rule) {
        IniParseException e = assertThrows(IniParseException.class, () -> IniParser.parse(text));
        assertEquals(line, e.line(), text);
        assertEquals(rule, e.rule(), text);
    }
}

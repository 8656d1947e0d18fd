package org.ceilometer.osgi.conf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * oslo.config's INI dialect, rule for rule (its {@code iniparser.BaseParser} and
 * {@code cfg.ConfigParser}):
 * <ul>
 * <li>a line starting with {@code #} or {@code ;} is a comment; nothing is an inline comment;</li>
 * <li>{@code key = value} or {@code key: value}: whichever of {@code =} and {@code :} comes first
 * splits; key and value are trimmed, and a value wrapped in matching quotes loses them;</li>
 * <li>a line starting with a space or tab continues the previous value (joined with a newline);
 * a blank line ends it;</li>
 * <li>{@code [section]}: {@code DEFAULT} as written, any other name in lower case;</li>
 * <li>an assignment before any section is an error, as are a line with neither {@code =} nor
 * {@code :}, an empty key, a continuation with nothing to continue and a header without {@code ]}.</li>
 * </ul>
 * Beyond oslo.config: a UTF-8 byte order mark is skipped, and bytes that are not UTF-8 are an error.
 * Error messages carry the line number and the rule, never the line (it may hold a password).
 */
final class IniParser {
    private IniParser() {}

    static IniDocument parse(byte[] bytes) throws IniParseException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IniParseException(lineOfBadByte(bytes), "not UTF-8 text");
        }
        return parse(text);
    }

    static IniDocument parse(String text) throws IniParseException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<IniDocument.Entry> entries = new ArrayList<>();
        Map<String, Integer> sections = new LinkedHashMap<>();
        String section = null;
        String key = null;
        int keyLine = 0;
        List<String> value = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineno = i + 1;
            String line = stripTrailing(lines[i]);
            if (line.isEmpty()) {
                if (key != null) {
                    entries.add(new IniDocument.Entry(section, key, String.join("\n", value), keyLine));
                    key = null;
                }
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (key == null) {
                    throw new IniParseException(lineno, "unexpected continuation line");
                }
                value.add(line.strip());
                continue;
            }
            if (key != null) {
                entries.add(new IniDocument.Entry(section, key, String.join("\n", value), keyLine));
                key = null;
            }
            char c = line.charAt(0);
            if (c == '[') {
                if (!line.endsWith("]")) {
                    throw new IniParseException(lineno, "invalid section (must end with ])");
                }
                if (line.length() <= 2) {
                    throw new IniParseException(lineno, "empty section name");
                }
                section = normalize(line.substring(1, line.length() - 1));
                sections.putIfAbsent(section, lineno);
            } else if (c == '#' || c == ';') {
                continue;
            } else {
                int colon = line.indexOf(':');
                int equal = line.indexOf('=');
                if (colon < 0 && equal < 0) {
                    throw new IniParseException(lineno, "no ':' or '=' found in assignment");
                }
                int split = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
                String k = line.substring(0, split).strip();
                String v = line.substring(split + 1).strip();
                if (v.length() >= 2 && v.charAt(0) == v.charAt(v.length() - 1)
                        && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                    v = v.substring(1, v.length() - 1);
                }
                if (k.isEmpty()) {
                    throw new IniParseException(lineno, "key cannot be empty");
                }
                if (section == null) {
                    throw new IniParseException(lineno, "section must be started before assignment");
                }
                key = k;
                keyLine = lineno;
                value = new ArrayList<>();
                value.add(v);
            }
        }
        if (key != null) {
            entries.add(new IniDocument.Entry(section, key, String.join("\n", value), keyLine));
        }
        return new IniDocument(entries, sections);
    }

    /** oslo.config's group name normalization: {@code DEFAULT} stays, the rest is lower-cased. */
    static String normalize(String section) {
        return "DEFAULT".equals(section) ? section : section.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.rstrip()} strips all whitespace, not only spaces. */
    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int lineOfBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}

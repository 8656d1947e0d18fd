package org.ceilometer.osgi.api.signing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;

/**
 * A {@link Sample} as Ceilometer's meter message ({@code meter_message_from_counter} in
 * {@code ceilometer/publisher/utils.py}) and back.
 *
 * <p>The message holds, in this order: {@code source, counter_name, counter_type, counter_unit,
 * counter_volume, user_id, project_id, resource_id, timestamp, resource_metadata, message_id}, and
 * {@code message_signature} when signed: Juno's field set. Master adds {@code user_name,
 * project_name, monotonic_time}; a sample here has none of them, and leaving them out changes no
 * signature of the fields present.
 *
 * <p>Timestamps are written as Ceilometer master's polling agent writes them,
 * {@code timeutils.utcnow().isoformat()}: naive UTC, microsecond precision, the fraction left out when
 * it is zero ({@code 2013-10-12T14:35:59.123456}, {@code 2013-10-12T14:35:59}). Juno's pollsters wrote
 * {@code timeutils.isotime()} ({@code 2013-10-12T14:35:59Z}) and notifications carry {@code +00:00}:
 * {@link #parseTimestamp(String)} reads all of these. Nanoseconds beyond the microsecond are dropped,
 * as Python's datetime holds none.
 */
public final class MeterMessages {
    public static final String SOURCE = "source";
    public static final String COUNTER_NAME = "counter_name";
    public static final String COUNTER_TYPE = "counter_type";
    public static final String COUNTER_UNIT = "counter_unit";
    public static final String COUNTER_VOLUME = "counter_volume";
    public static final String USER_ID = "user_id";
    public static final String PROJECT_ID = "project_id";
    public static final String RESOURCE_ID = "resource_id";
    public static final String TIMESTAMP = "timestamp";
    public static final String RESOURCE_METADATA = "resource_metadata";
    public static final String MESSAGE_ID = "message_id";
    public static final String MESSAGE_SIGNATURE = MessageSigning.SIGNATURE_FIELD;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private MeterMessages() {}

    /**
     * The meter message of a sample, as an ordered, modifiable map; with {@code message_signature} only
     * when the sample carries one.
     */
    public static Map<String, Object> toMessage(Sample sample) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put(SOURCE, sample.source());
        msg.put(COUNTER_NAME, sample.name());
        msg.put(COUNTER_TYPE, sample.type().wireName());
        msg.put(COUNTER_UNIT, sample.unit());
        msg.put(COUNTER_VOLUME, sample.volume());
        msg.put(USER_ID, sample.userId());
        msg.put(PROJECT_ID, sample.projectId());
        msg.put(RESOURCE_ID, sample.resourceId());
        msg.put(TIMESTAMP, formatTimestamp(sample.timestamp()));
        msg.put(RESOURCE_METADATA, sample.resourceMetadata());
        msg.put(MESSAGE_ID, sample.id());
        if (sample.signature() != null) {
            msg.put(MESSAGE_SIGNATURE, sample.signature());
        }
        return msg;
    }

    /**
     * The meter message signed with {@code secret}, as {@code meter_message_from_counter}: the
     * {@code message_signature} is always present, and {@code ""} when the secret is empty.
     */
    public static Map<String, Object> toSignedMessage(Sample sample, String secret) {
        Map<String, Object> msg = toMessage(sample);
        msg.remove(MESSAGE_SIGNATURE);
        msg.put(MESSAGE_SIGNATURE, MessageSigning.computeSignature(msg, secret));
        return msg;
    }

    /**
     * The sample a meter message describes. {@code counter_volume} may be a number or its text;
     * {@code timestamp} text in any form {@link #parseTimestamp(String)} reads, or an {@link Instant},
     * {@link Date} or {@link OffsetDateTime}.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Sample fromMessage(Map<String, ?> message) {
        Object metadata = message.get(RESOURCE_METADATA);
        if (metadata != null && !(metadata instanceof Map)) {
            throw new IllegalArgumentException("meter message field '" + RESOURCE_METADATA
                    + "' is not a dict: " + metadata.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> md = (Map<String, ?>) metadata;
        Object type = message.get(COUNTER_TYPE);
        if (type == null) {
            throw new IllegalArgumentException("meter message field '" + COUNTER_TYPE + "' is missing");
        }
        return Sample.builder()
                .source(text(message, SOURCE))
                .name(required(message, COUNTER_NAME))
                .type(MeterType.fromWireName(type.toString()))
                .unit(required(message, COUNTER_UNIT))
                .volume(volume(message.get(COUNTER_VOLUME)))
                .userId(text(message, USER_ID))
                .projectId(text(message, PROJECT_ID))
                .resourceId(required(message, RESOURCE_ID))
                .timestamp(timestamp(message.get(TIMESTAMP)))
                .resourceMetadata(md)
                .id(text(message, MESSAGE_ID))
                .signature(text(message, MESSAGE_SIGNATURE))
                .build();
    }

    /** An instant as master's {@code utcnow().isoformat()}: naive UTC, microseconds when not zero. */
    public static String formatTimestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(26);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("timestamp " + instant + " is outside Python's datetime range");
        }
        pad(out, year, 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            pad(out.append('.'), micros, 6);
        }
        return out.toString();
    }

    /**
     * Reads an ISO 8601 timestamp as Ceilometer writes them: {@code T} or a space between date and time,
     * seconds and a fraction (up to nanoseconds) optional, and {@code Z}, {@code ±HH:MM}, {@code ±HHMM}
     * or no zone at all, which means UTC.
     *
     * @throws IllegalArgumentException when the text is no such timestamp
     */
    public static Instant parseTimestamp(String text) {
        Matcher m = ISO.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("meter message field 'timestamp' is not an ISO 8601 time: '"
                    + text + "'");
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        ZoneOffset offset = ZoneOffset.UTC;
        String zone = m.group(8);
        if (zone != null && !zone.equalsIgnoreCase("Z")) {
            String z = zone.replace(":", "");
            int hours = Integer.parseInt(z.substring(1, 3));
            int minutes = z.length() > 3 ? Integer.parseInt(z.substring(3, 5)) : 0;
            int sign = z.charAt(0) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        try {
            return OffsetDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos, offset).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("meter message field 'timestamp' is not a valid time: '"
                    + text + "'", e);
        }
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    private static String text(Map<String, ?> message, String field) {
        Object v = message.get(field);
        return v == null ? null : v.toString();
    }

    private static String required(Map<String, ?> message, String field) {
        String v = text(message, field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("meter message field '" + field + "' is missing");
        }
        return v;
    }

    private static Number volume(Object v) {
        if (v instanceof Number) {
            return (Number) v;
        }
        if (v instanceof CharSequence) {
            String s = v.toString().trim();
            try {
                return s.matches("[+-]?\\d+") ? (Number) Long.valueOf(s) : (Number) Double.valueOf(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("meter message field '" + COUNTER_VOLUME
                        + "' is not a number: '" + s + "'", e);
            }
        }
        throw new IllegalArgumentException("meter message field '" + COUNTER_VOLUME + "' is "
                + (v == null ? "missing" : "not a number: " + v.getClass().getSimpleName()));
    }

    private static Instant timestamp(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("meter message field '" + TIMESTAMP + "' is missing");
        }
        if (v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof Date) {
            return ((Date) v).toInstant();
        }
        if (v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
            return Instant.from((TemporalAccessor) v);
        }
        if (v instanceof LocalDateTime) {
            return ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
        }
        return parseTimestamp(v.toString());
    }
}

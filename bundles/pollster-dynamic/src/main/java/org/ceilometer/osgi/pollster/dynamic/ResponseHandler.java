package org.ceilometer.osgi.pollster.dynamic;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.pollster.dynamic.expr.Py;

/** Master's response handlers: {@code json}, {@code xml} and {@code text}, tried in the configured order. */
enum ResponseHandler {
    JSON("json"),
    XML("xml"),
    TEXT("text");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(1000).maxStringLength(64 * 1024 * 1024).build());
    }

    private final String configName;

    ResponseHandler(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static ResponseHandler of(String name) {
        for (ResponseHandler h : values()) {
            if (h.configName.equals(name)) {
                return h;
            }
        }
        return null;
    }

    /** The response as Python data: dicts, lists, str, int, float, bool and None. */
    Object handle(String body) throws IOException {
        switch (this) {
            case JSON:
                return Py.normalize(MAPPER.readValue(body, Object.class));
            case XML:
                return Py.normalize(XmlToDict.parse(body));
            case TEXT:
            default:
                return Py.normalize(List.of(Map.of("out", body)));
        }
    }
}

package org.ceilometer.osgi.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ceilometer:send-sample}: Ceilometer's {@code ceilometer-send-sample}, with its options, sends
 * one sample through the pipelines. Gogo calls {@code _main} for a function name that is not a Java
 * method name, with that name as an extra argument, which lands after the options. The metadata is
 * JSON in single quotes: {@code --sample-metadata '{"a": 1}'} (unquoted braces are a Gogo closure).
 */
@Component(service = SendSampleCommand.class, property = {
    "osgi.command.scope=ceilometer",
    "osgi.command.function=send-sample"
})
public final class SendSampleCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PipelineManager manager;

    @Activate
    public SendSampleCommand(@Reference PipelineManager manager) {
        this.manager = manager;
    }

    @Descriptor("send one sample through the pipelines, as ceilometer-send-sample")
    public String _main(
            @Descriptor("meter name (required)")
            @Parameter(names = {"-n", "--sample-name"}, absentValue = "") String name,
            @Descriptor("meter type: gauge, delta or cumulative (gauge)")
            @Parameter(names = {"-y", "--sample-type"}, absentValue = "gauge") String type,
            @Descriptor("meter unit (required)")
            @Parameter(names = {"-U", "--sample-unit"}, absentValue = "") String unit,
            @Descriptor("meter volume (1)")
            @Parameter(names = {"-l", "--sample-volume"}, absentValue = "1") String volume,
            @Descriptor("resource id (required)")
            @Parameter(names = {"-r", "--sample-resource"}, absentValue = "") String resource,
            @Descriptor("user id")
            @Parameter(names = {"-u", "--sample-user"}, absentValue = "") String user,
            @Descriptor("project id")
            @Parameter(names = {"-p", "--sample-project"}, absentValue = "") String project,
            @Descriptor("timestamp, ISO 8601 (now)")
            @Parameter(names = {"-i", "--sample-timestamp"}, absentValue = "") String timestamp,
            @Descriptor("resource metadata, a JSON object in single quotes")
            @Parameter(names = {"-m", "--sample-metadata"}, absentValue = "") String metadata,
            @Descriptor("the command's name, given by Gogo") String command) {
        return send(name, type, unit, volume, resource, user, project, timestamp, metadata);
    }

    /** Sends the sample; empty texts are options not given. */
    String send(String name, String type, String unit, String volume, String resource, String user,
            String project, String timestamp, String metadata) {
        Sample sample = Sample.builder()
                .name(required(name, "--sample-name"))
                .type(MeterType.fromWireName(type))
                .unit(required(unit, "--sample-unit"))
                .volume(number(volume))
                .resourceId(required(resource, "--sample-resource"))
                .userId(user.isEmpty() ? null : user)
                .projectId(project.isEmpty() ? null : project)
                .timestamp(timestamp.isEmpty() ? Instant.now() : MeterMessages.parseTimestamp(timestamp))
                .resourceMetadata(metadata(metadata))
                .build();
        List<String> pipelines = manager.send(sample);
        if (pipelines.isEmpty()) {
            return "no pipeline's source matches meter '" + sample.name() + "'; nothing was sent\n";
        }
        return "sample " + sample.id() + " (" + sample + ") sent through " + pipelines
                + "; publishing goes on in the background: see ceilometer:pipelines\n";
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }

    private static Number number(String text) {
        String t = text.trim();
        try {
            return t.matches("[+-]?\\d+") ? (Number) Long.valueOf(t) : (Number) Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sample-volume must be a number, not '" + text + "'");
        }
    }

    private static Map<String, Object> metadata(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object v = JSON.readValue(text, Object.class);
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("--sample-metadata must be a JSON object, not " + text);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) v;
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--sample-metadata is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

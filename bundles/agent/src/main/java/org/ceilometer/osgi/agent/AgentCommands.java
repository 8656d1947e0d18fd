package org.ceilometer.osgi.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code ceilometer:} commands of the Gogo shell. They return text; Gogo prints it. */
@Component(service = AgentCommands.class, property = {
    "osgi.command.scope=ceilometer",
    "osgi.command.function=pollsters",
    "osgi.command.function=discoveries",
    "osgi.command.function=sources",
    "osgi.command.function=status",
    "osgi.command.function=poll",
    "osgi.command.function=storage",
    "osgi.command.function=partition"
})
public final class AgentCommands {
    private final AgentManager agent;
    private final SampleDispatcher storage;
    private final PipelineManager pipelines;

    @Activate
    public AgentCommands(@Reference AgentManager agent,
            @Reference(target = "(" + SampleDispatcher.PROPERTY + "=" + SampleDispatcher.STORAGE + ")")
            SampleDispatcher storage, @Reference PipelineManager pipelines) {
        this.agent = agent;
        this.storage = storage;
        this.pipelines = pipelines;
    }

    @Descriptor("each pollster: meter, origin, last run, samples in its last run, errors")
    public String pollsters() {
        Table t = new Table("METER", "ORIGIN", "LAST RUN", "SAMPLES", "RUNS", "ERRORS", "LAST ERROR");
        List<AgentManager.PollsterEntry> entries = agent.pollsterEntries();
        entries.sort((a, b) -> a.meter.compareTo(b.meter));
        for (AgentManager.PollsterEntry e : entries) {
            PluginStats s = e.stats;
            t.row(e.meter, s.origin, s.lastRun == null ? "never" : ago(s.lastRun) + " (" + s.lastDurationMillis + " ms)",
                    s.samplesLastCycle, s.runs.get(), s.errors.get(), s.lastError == null ? "-" : s.lastError);
        }
        return t.toString() + entries.size() + " pollsters\n";
    }

    @Descriptor("the discoveries registered")
    public String discoveries() {
        Table t = new Table("DISCOVERY", "ORIGIN");
        agent.discoveryNames().forEach(t::row);
        return t.toString() + t.size() + " discoveries\n";
    }

    @Descriptor("the polling sources and the pollsters each one matches")
    public String sources() {
        Table t = new Table("SOURCE", "INTERVAL", "METERS", "RESOURCES", "DISCOVERY", "POLLSTERS");
        for (PollingSource s : agent.sources()) {
            long matched = agent.pollsterEntries().stream().filter(e -> s.polls(e.meter)).count();
            t.row(s.name(), s.interval() + " s", String.join(",", s.meters().entries()),
                    s.resources().isEmpty() ? "-" : String.join(",", s.resources()),
                    s.discovery().isEmpty() ? "-" : String.join(",", s.discovery()), matched);
        }
        Map<String, Object> st = agent.status();
        return t + "file: " + agent.resolveSourcesFile() + "\nerror: " + st.get("polling file error") + "\n";
    }

    @Descriptor("the agent at a glance: cycles, samples stored, queued and dropped, errors, storage health")
    public String status() {
        Map<String, Object> m = new LinkedHashMap<>(agent.status());
        Map<String, Object> s = storage.status();
        m.put("storage", s.get("backend") + (Boolean.TRUE.equals(s.get("healthy")) ? " (healthy)" : " (NOT healthy)"));
        m.put("samples stored", s.get("stored"));
        m.put("samples queued", s.get("queued"));
        m.put("samples dropped", s.get("dropped"));
        m.put("storage write failures", s.get("write failures"));
        m.put("storage last error", s.get("last error"));
        m.putAll(pipelines.status());
        return Table.keyValues(m);
    }

    @Descriptor("poll every source now and print the counts")
    public String poll() {
        return poll(null);
    }

    @Descriptor("poll one source now and print the counts")
    public String poll(@Descriptor("source name") String source) {
        StringBuilder sb = new StringBuilder();
        for (CycleReport r : agent.pollNow(source)) {
            Table t = new Table("METER", "SAMPLES");
            r.samplesByMeter().forEach(t::row);
            sb.append(t).append("sources ").append(r.sources).append(": ").append(r.totalSamples())
                    .append(" samples, ").append(r.errors.get()).append(" errors, ").append(r.skipped.get())
                    .append(" skipped, ").append(r.durationMillis).append(" ms\n");
        }
        return sb.toString();
    }

    @Descriptor("the storage backend, its health and its figures")
    public String storage() {
        Map<String, Object> m = new LinkedHashMap<>(storage.status());
        m.put("healthy now", storage.checkHealth());
        m.putAll(storage.backendStats());
        return Table.keyValues(m);
    }

    @Descriptor("partitioning: backend and state, my member id, the groups with their members and my share")
    public String partition() {
        PartitionCoordinator c = agent.coordinator();
        if (c == null) {
            return "partitioning: off (no [coordination] backend_url); this agent polls every resource\n";
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", c.memberId());
        m.put("group prefix", agent.groupPrefix());
        m.putAll(c.status());
        return Table.keyValues(m);
    }

    private static String ago(Instant t) {
        Duration d = Duration.between(t, Instant.now());
        long s = Math.max(0, d.getSeconds());
        return s < 120 ? s + " s ago" : (s / 60) + " min ago";
    }
}

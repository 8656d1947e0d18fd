package org.ceilometer.osgi.agent;

import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ceilometer:pipelines}: the pipelines and their publishers, with their counts. */
@Component(service = PipelineCommands.class, property = {
    "osgi.command.scope=ceilometer",
    "osgi.command.function=pipelines"
})
public final class PipelineCommands {
    private final PipelineManager manager;

    @Activate
    public PipelineCommands(@Reference PipelineManager manager) {
        this.manager = manager;
    }

    @Descriptor("each pipeline (source, sink, transformers, samples in and out) and each publisher "
            + "(policy, sent, queued in memory and journal, dropped, state)")
    public String pipelines() {
        Table p = new Table("PIPELINE", "SOURCE", "SINK", "TRANSFORMERS", "IN", "OUT", "TRANSFORMER ERRORS",
                "DROPPED", "STATE");
        for (Pipeline pl : manager.pipelines()) {
            List<String> names = new ArrayList<>();
            pl.def.sink().transformers().forEach(t -> names.add(t.name()));
            String problem = pl.problem();
            p.row(pl.name(), pl.def.source().name(), pl.def.sink().name(), names.isEmpty() ? "-" : String.join(",", names),
                    pl.in.get(), pl.out.get(), pl.transformerErrors.get(), pl.droppedInactive.get(),
                    problem == null ? "active" : "INACTIVE: " + problem);
        }
        Table c = new Table("SINK", "PUBLISHER", "POLICY", "MAX QUEUE", "SENT", "QUEUED", "IN JOURNAL", "DROPPED",
                "FAILURES", "STATE", "LAST ERROR");
        for (PublisherChannel ch : manager.channels()) {
            String error = ch.lastError();
            c.row(ch.sink(), ch.url().display(), ch.url().policy().wireName(),
                    ch.url().maxQueueLength() <= 0 ? "unbounded" : ch.url().maxQueueLength(), ch.sent(), ch.queued(),
                    ch.inJournal(), ch.dropped(), ch.failures(), ch.state(), error == null ? "-" : error);
        }
        String error = manager.fileError();
        return p + "\n" + c + "\nfile: " + manager.fileState() + "\nerror: " + (error == null ? "none" : error)
                + "\n";
    }
}

package omega.connectors.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.api.HistoryJob;
import omega.connectors.api.HistoryReject;
import omega.platform.api.HistoricalTicket;
import omega.platform.api.ProblemException;

/**
 * History imports: the upload is streamed to a spool file (fixed-size buffer, limit
 * {@code connectors.history.max-bytes}), the job id is answered, and a managed background task reads the spool
 * record by record (bounded memory), publishes accepted rows on {@code ticket-history} (at most
 * {@value #IN_FLIGHT} unconfirmed at a time) and records progress and the first rejects.
 */
@ApplicationScoped
public class HistoryImports {

    private static final Logger LOG = Logger.getLogger(HistoryImports.class.getName());
    static final int IN_FLIGHT = 512;
    static final int MAX_RECORD_CHARS = 1 << 20;
    static final long PROGRESS_EVERY_MS = 500;

    @Inject
    HistoryJobs jobs;

    @Inject
    HistoryPublisher publisher;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "connectors.history.max-bytes", defaultValue = "268435456")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "connectors.history.max-listed-rejects", defaultValue = "100")
    int maxListedRejects;

    /** Spools the upload and starts the job; @return the job as it stands (PROCESSING) */
    public HistoryJob start(String tenantId, String format, HistoryMapping mapping, InputStream body) {
        if ("csv".equals(format)) {
            mapping.requireForCsv();
        }
        String jobId = jobs.create(tenantId, format);
        HistoryJobs.Progress progress = new HistoryJobs.Progress();
        Path spool;
        try {
            spool = Files.createTempFile("omega-history-" + jobId, ".part");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a spool file: " + e, e);
        }
        try (OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0;) {
                progress.bytes += n;
                if (progress.bytes > maxBytes) {
                    throw new ProblemException(413, "payload-too-large", "Payload too large",
                            "The history file exceeds connectors.history.max-bytes = " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            delete(spool);
            jobs.update(jobId, HistoryJobs.FAILED, progress, "upload failed: " + e.getMessage());
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new ProblemException(400, "upload-failed", "Upload failed", "The upload broke off: " + e.getMessage());
        }
        jobs.update(jobId, HistoryJobs.PROCESSING, progress, null);
        executor.submit(() -> run(tenantId, jobId, format, mapping, spool, progress));
        return jobs.find(tenantId, jobId).orElseThrow();
    }

    private void run(String tenantId, String jobId, String format, HistoryMapping mapping, Path spool,
            HistoryJobs.Progress progress) {
        Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        long lastUpdate = System.currentTimeMillis();
        try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            RowSource rows = "csv".equals(format) ? csv(reader, mapping, tenantId, jobId) : ndjson(reader, tenantId, jobId);
            for (Row row; (row = rows.next()) != null;) {
                progress.rowsRead++;
                if (row.rejected() != null) {
                    progress.rejected++;
                    if (progress.rejects.size() < maxListedRejects) {
                        progress.rejects.add(new HistoryReject(row.line(), row.rejected()));
                    }
                } else {
                    inFlight.add(publisher.publish(row.ticket()));
                    progress.accepted++;
                    while (inFlight.size() >= IN_FLIGHT) {
                        inFlight.poll().get(60, TimeUnit.SECONDS);
                    }
                }
                if (System.currentTimeMillis() - lastUpdate > PROGRESS_EVERY_MS) {
                    jobs.update(jobId, HistoryJobs.PROCESSING, progress, null);
                    lastUpdate = System.currentTimeMillis();
                }
            }
            for (CompletableFuture<Void> f : inFlight) {
                f.get(60, TimeUnit.SECONDS);
            }
            jobs.update(jobId, HistoryJobs.DONE, progress, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.update(jobId, HistoryJobs.FAILED, progress, "interrupted");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "History import " + jobId + " failed", e);
            jobs.update(jobId, HistoryJobs.FAILED, progress, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            delete(spool);
        }
    }

    /** A row read from the file: a ticket, or why it was rejected. */
    record Row(long line, HistoricalTicket ticket, String rejected) {
    }

    interface RowSource {
        Row next() throws IOException;
    }

    private static RowSource ndjson(BufferedReader reader, String tenantId, String jobId) {
        BoundedLines lines = new BoundedLines(reader, MAX_RECORD_CHARS);
        return () -> {
            for (BoundedLines.Line line; (line = lines.next()) != null;) {
                if (line.tooLong()) {
                    return new Row(line.number(), null, "the line is longer than " + MAX_RECORD_CHARS + " characters");
                }
                if (line.text().isBlank()) {
                    continue;
                }
                return ndjsonRow(line, tenantId, jobId);
            }
            return null;
        };
    }

    private static Row ndjsonRow(BoundedLines.Line line, String tenantId, String jobId) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(line.text()))) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject obj)) {
                return new Row(line.number(), null, "not a JSON object");
            }
            o = obj;
        } catch (JsonParsingException e) {
            return new Row(line.number(), null, "malformed JSON: " + TicketDraft.clip(String.valueOf(e.getMessage()), 120));
        } catch (RuntimeException e) {
            return new Row(line.number(), null, "malformed JSON");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonValue l = o.get("labels");
        if (l != null && l.getValueType() != JsonValue.ValueType.NULL) {
            if (!(l instanceof JsonObject lo)) {
                return new Row(line.number(), null, "labels must be an object of strings");
            }
            lo.forEach((k, v) -> labels.put(k, text(v)));
        }
        try {
            return new Row(line.number(), HistoryRows.row(tenantId, jobId, line.number(), text(o.get("externalId")),
                    text(o.get("title")), text(o.get("body")), text(o.get("createdAt")), labels,
                    text(o.get("resolution"))), null);
        } catch (HistoryRows.Rejected e) {
            return new Row(line.number(), null, e.getMessage());
        }
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static RowSource csv(BufferedReader reader, HistoryMapping mapping, String tenantId, String jobId)
            throws IOException, HistoryRows.Rejected {
        CsvRecords records = new CsvRecords(reader, MAX_RECORD_CHARS);
        List<String> header = records.next();
        if (header == null) {
            throw new HistoryRows.Rejected("the CSV file is empty (no header row)");
        }
        Map<String, Integer> columns = mapping.columns(header);
        return () -> {
            List<String> fields = records.next();
            while (fields != null && fields.size() == 1 && fields.get(0).isBlank()) {
                fields = records.next();
            }
            if (fields == null) {
                return null;
            }
            long line = records.recordLine();
            if (fields.size() != header.size()) {
                return new Row(line, null, "has " + fields.size() + " fields, the header has " + header.size());
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, String> label : mapping.labels().entrySet()) {
                labels.put(label.getKey(), fields.get(columns.get(label.getValue().strip())));
            }
            try {
                return new Row(line, HistoryRows.row(tenantId, jobId, line, field(fields, columns, mapping.externalId()),
                        field(fields, columns, mapping.title()), field(fields, columns, mapping.body()),
                        field(fields, columns, mapping.createdAt()), labels,
                        field(fields, columns, mapping.resolution())), null);
            } catch (HistoryRows.Rejected e) {
                return new Row(line, null, e.getMessage());
            }
        };
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String column) {
        return column == null || column.isBlank() ? null : fields.get(columns.get(column.strip()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine("cannot delete " + file + ": " + e);
        }
    }
}

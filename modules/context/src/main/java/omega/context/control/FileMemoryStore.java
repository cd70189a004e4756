package omega.context.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import omega.context.api.ResolvedTicket;

/**
 * The embedded default store: per tenant a folder with an append-only {@link TicketLog} and an erasure audit
 * file ({@code erasures.tsv}: id, time, reference, count). Needs no database.
 */
public final class FileMemoryStore implements MemoryStore {

    private final Path directory;
    private final Map<String, TicketLog> logs = new ConcurrentHashMap<>();

    public FileMemoryStore(Path directory) {
        this.directory = directory;
    }

    private TicketLog log(String tenantId) {
        return logs.computeIfAbsent(tenantId, id -> new TicketLog(TenantFolder.of(directory, id), id));
    }

    @Override
    public void save(List<StoredTicket> tickets) {
        Map<String, List<StoredTicket>> byTenant = new LinkedHashMap<>();
        for (StoredTicket stored : tickets) {
            byTenant.computeIfAbsent(stored.ticket().tenantId(), t -> new ArrayList<>()).add(stored);
        }
        byTenant.forEach((tenantId, batch) -> log(tenantId).append(batch));
    }

    @Override
    public List<ResolvedTicket> find(String tenantId, Collection<String> ticketIds) {
        return log(tenantId).find(ticketIds).stream().map(StoredTicket::ticket).toList();
    }

    @Override
    public int count(String tenantId) {
        return log(tenantId).size();
    }

    @Override
    public void forEach(String tenantId, Consumer<StoredTicket> action) {
        log(tenantId).forEach(action);
    }

    @Override
    public List<String> ticketIdsOfRequester(String tenantId, String requester) {
        String wanted = MemoryStore.normalizedRequester(requester);
        List<String> ids = new ArrayList<>();
        log(tenantId).forEach(stored -> {
            if (wanted.equals(MemoryStore.normalizedRequester(stored.ticket().requester()))) {
                ids.add(stored.ticket().ticketId());
            }
        });
        return ids;
    }

    @Override
    public void erase(String tenantId, Collection<String> ticketIds, ErasureAudit audit) {
        log(tenantId).remove(ticketIds);
        String line = String.join("\t", audit.id(), audit.at().toString(), audit.reference(),
                Integer.toString(audit.ticketsErased())) + "\n";
        try {
            Files.writeString(auditFile(tenantId), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the erasure audit of tenant " + tenantId, e);
        }
    }

    @Override
    public List<ErasureAudit> erasures(String tenantId) {
        Path file = auditFile(tenantId);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(f -> new ErasureAudit(f[0], tenantId, Instant.parse(f[1]), f[2], Integer.parseInt(f[3])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the erasure audit of tenant " + tenantId, e);
        }
    }

    private Path auditFile(String tenantId) {
        Path folder = TenantFolder.of(directory, tenantId);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve("erasures.tsv");
    }

    @Override
    public void close() {
        logs.values().forEach(TicketLog::close);
        logs.clear();
    }
}

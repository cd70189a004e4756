package omega.context.control;

import java.nio.file.Path;

/**
 * A {@link ContextMemory} on the embedded file store in a temporary folder, with the hashing embedder, a hand
 * clock and in-process working memory; {@link #reopen()} simulates a process restart (same folders).
 */
final class MemoryFixture implements AutoCloseable {

    final Path root;
    final HashingEmbeddings embeddings;
    final MutableClock clock = new MutableClock(Tickets.NOW);
    final InProcessWorkingMemory working = new InProcessWorkingMemory(WorkingMemorySettings.DEFAULTS, clock);
    final ContextSettings settings;
    FileMemoryStore store;
    ContextMemory memory;

    MemoryFixture(Path root, int hnswThreshold) {
        this(root, hnswThreshold, new HashingEmbeddings(), RetrievalSettings.DEFAULTS);
    }

    MemoryFixture(Path root, int hnswThreshold, HashingEmbeddings embeddings, RetrievalSettings retrieval) {
        this.root = root;
        this.embeddings = embeddings;
        this.settings = ContextSettings.defaults(root.resolve("index")).withHnswThreshold(hnswThreshold)
                .withRetrieval(retrieval);
        open();
    }

    private void open() {
        store = new FileMemoryStore(root.resolve("store"));
        memory = new ContextMemory(embeddings, store, working, settings, clock);
    }

    ContextMemory reopen() {
        close();
        open();
        return memory;
    }

    /** A restart with another embedding model over the same store and index folders. */
    ContextMemory reopenWith(HashingEmbeddings other) {
        close();
        store = new FileMemoryStore(root.resolve("store"));
        memory = new ContextMemory(other, store, working, settings, clock);
        return memory;
    }

    Path indexFolder(String tenantId) {
        return TenantFolder.of(settings.indexDirectory(), tenantId);
    }

    @Override
    public void close() {
        memory.close();
        store.close();
    }
}

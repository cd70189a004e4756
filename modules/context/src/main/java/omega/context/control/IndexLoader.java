package omega.context.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import omega.platform.api.EmbeddingService;

/**
 * Opens one tenant's indexes and makes them agree with the store, in one pass over the store: tickets missing
 * from an index (index folder lost, crash between store write and index write) are added from their stored
 * vectors, tickets no longer in the store are removed, and only tickets stored with another embedding model are
 * embedded again. Exact-search tenants load all their vectors into memory this way.
 */
final class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class.getName());
    /** Entries per index write (one commit, about one segment each) while refilling an index from the store. */
    private static final int BATCH = 10_000;

    private final MemoryStore store;
    private final EmbeddingService embeddings;
    private final ContextSettings settings;
    private final TextTerms terms;

    IndexLoader(MemoryStore store, EmbeddingService embeddings, ContextSettings settings, TextTerms terms) {
        this.store = store;
        this.embeddings = embeddings;
        this.settings = settings;
        this.terms = terms;
    }

    TenantIndex open(String tenantId) {
        long start = System.nanoTime();
        Path folder = TenantFolder.of(settings.indexDirectory(), tenantId);
        Path vectorFolder = folder.resolve("vectors");
        Supplier<HnswVectorIndex> hnsw = () -> new HnswVectorIndex(vectorFolder, embeddings.modelId(),
                embeddings.dimension(), settings.hnsw());
        boolean large = HnswVectorIndex.existsIn(vectorFolder) || store.count(tenantId) > settings.hnswThreshold();
        SwitchingVectorIndex vectors = large
                ? SwitchingVectorIndex.hnsw(settings.hnswThreshold(), hnsw)
                : SwitchingVectorIndex.exact(embeddings.dimension(), settings.hnswThreshold(), hnsw);
        TenantIndex index = new TenantIndex(tenantId, vectors, new KeywordIndex(folder.resolve("keywords"), terms));
        Reconciliation result = reconcile(index);
        if (vectors.kind().equals("hnsw") && result.vectorsAdded > BATCH) {
            ((HnswVectorIndex) vectors.current()).mergeToOneSegment();
        }
        LOG.info("Memory of tenant " + tenantId + " opened: " + index.size() + " ticket(s), " + vectors.kind()
                + " vector index; " + result + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return index;
    }

    /** Makes an open tenant index agree with the store again (after another replica's erasure). */
    Reconciliation reconcile(TenantIndex index) {
        Set<String> inVectors = index.vectors().ticketIds();
        Set<String> inKeywords = index.keywords().ticketIds();
        Set<String> inStore = new HashSet<>();
        Reconciliation result = new Reconciliation();
        List<IndexedVector> vectorBatch = new ArrayList<>();
        List<KeywordIndex.KeywordEntry> keywordBatch = new ArrayList<>();
        List<StoredTicket> outdated = new ArrayList<>();
        store.forEach(index.tenantId(), stored -> {
            String id = stored.ticket().ticketId();
            inStore.add(id);
            if (!embeddings.modelId().equals(stored.modelId()) || stored.vector().length != embeddings.dimension()) {
                outdated.add(stored);
                return;
            }
            index.track(stored.ticket());
            TicketFacets facets = index.facets(id);
            if (!inVectors.contains(id)) {
                vectorBatch.add(new IndexedVector(id, stored.vector(), facets));
                result.vectorsAdded++;
                flushVectors(index, vectorBatch, BATCH);
            }
            if (!inKeywords.contains(id)) {
                keywordBatch.add(new KeywordIndex.KeywordEntry(id, stored.ticket().text(), facets));
                result.keywordsAdded++;
                flushKeywords(index, keywordBatch, BATCH);
            }
        });
        flushVectors(index, vectorBatch, 1);
        flushKeywords(index, keywordBatch, 1);
        reembed(index, outdated);
        result.reembedded = outdated.size();
        result.removed = removeMissing(index, inVectors, inKeywords, inStore);
        return result;
    }

    private static void flushVectors(TenantIndex index, List<IndexedVector> batch, int atLeast) {
        if (batch.size() >= atLeast) {
            index.vectors().putAll(List.copyOf(batch));
            batch.clear();
        }
    }

    private static void flushKeywords(TenantIndex index, List<KeywordIndex.KeywordEntry> batch, int atLeast) {
        if (batch.size() >= atLeast) {
            index.keywords().putAll(List.copyOf(batch));
            batch.clear();
        }
    }

    /** Tickets stored with another model (or dimension): embed their text with the current model, store, index. */
    private void reembed(TenantIndex index, List<StoredTicket> outdated) {
        for (int from = 0; from < outdated.size(); from += BATCH) {
            List<StoredTicket> slice = outdated.subList(from, Math.min(outdated.size(), from + BATCH));
            List<float[]> vectors = embeddings.embedAll(slice.stream().map(s -> s.ticket().text()).toList());
            List<StoredTicket> fresh = new ArrayList<>(slice.size());
            for (int i = 0; i < slice.size(); i++) {
                fresh.add(new StoredTicket(slice.get(i).ticket(), vectors.get(i), embeddings.modelId()));
            }
            store.save(fresh);
            index.putAll(fresh);
        }
    }

    private static int removeMissing(TenantIndex index, Set<String> inVectors, Set<String> inKeywords,
            Set<String> inStore) {
        Set<String> staleVectors = new HashSet<>(inVectors);
        staleVectors.removeAll(inStore);
        Set<String> staleKeywords = new HashSet<>(inKeywords);
        staleKeywords.removeAll(inStore);
        if (!staleVectors.isEmpty()) {
            index.vectors().removeAll(staleVectors);
        }
        if (!staleKeywords.isEmpty()) {
            index.keywords().removeAll(staleKeywords);
        }
        Set<String> stale = new HashSet<>(staleVectors);
        stale.addAll(staleKeywords);
        return stale.size();
    }

    /** What opening a tenant changed; logged, never with ticket content. */
    static final class Reconciliation {
        int vectorsAdded;
        int keywordsAdded;
        int reembedded;
        int removed;

        @Override
        public String toString() {
            return "added " + vectorsAdded + " vector(s) and " + keywordsAdded + " keyword entr(ies), re-embedded "
                    + reembedded + ", removed " + removed + " no longer stored";
        }
    }
}

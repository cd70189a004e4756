package omega.context.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import omega.context.api.SearchFilter;

/**
 * Approximate nearest neighbours with Lucene's HNSW graph ({@link KnnFloatVectorField}, dot product on unit
 * vectors), persisted in a folder per tenant and reopened as it is after a restart. A search collects
 * {@link HnswSettings#candidates()} neighbours and keeps the best k; filters run inside the graph search
 * (Lucene falls back to an exact scan when a filter leaves few documents).
 */
final class HnswVectorIndex implements VectorIndex {

    static final String VECTOR = "vector";

    private final LuceneIndex index;
    private final int dimension;
    private final int candidates;

    HnswVectorIndex(Path folder, String modelId, int dimension, HnswSettings settings) {
        this.dimension = dimension;
        this.candidates = settings.candidates();
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(settings.maxConnections(), settings.beamWidth());
        index = LuceneIndex.open(folder, () -> new IndexWriterConfig()
                        .setRAMBufferSizeMB(64)
                        .setCodec(new Lucene912Codec() {
                            @Override
                            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                                return format;
                            }
                        }),
                Map.of("model", modelId, "dimension", Integer.toString(dimension)));
    }

    /** @return true when the folder holds a committed Lucene index */
    static boolean existsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (FSDirectory directory = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void putAll(List<IndexedVector> entries) {
        List<Document> documents = new ArrayList<>(entries.size());
        for (IndexedVector entry : entries) {
            if (entry.vector().length != dimension) {
                throw new IllegalArgumentException("Vector of length " + entry.vector().length + ", index of " + dimension);
            }
            Document document = new Document();
            LuceneIndex.addId(document, entry.ticketId());
            document.add(new KnnFloatVectorField(VECTOR, UnitVectors.normalized(entry.vector()),
                    VectorSimilarityFunction.DOT_PRODUCT));
            FacetFields.add(document, entry.facets());
            documents.add(document);
        }
        index.upsert(documents);
    }

    @Override
    public void removeAll(Collection<String> ticketIds) {
        index.delete(ticketIds);
    }

    @Override
    public List<Neighbor> nearest(float[] query, int k, SearchFilter filter) {
        int collect = Math.max(k, candidates);
        return index.read(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, collect, FacetFields.query(filter)),
                    collect);
            int found = Math.min(k, top.scoreDocs.length);
            ScoreDoc[] best = Arrays.copyOf(top.scoreDocs, found);
            String[] ids = LuceneIndex.ticketIds(searcher, best);
            List<Neighbor> neighbors = new ArrayList<>(found);
            for (int i = 0; i < found; i++) {
                // Lucene scores DOT_PRODUCT as (1 + cosine) / 2
                neighbors.add(new Neighbor(ids[i], 2 * best[i].score - 1));
            }
            return neighbors;
        });
    }

    @Override
    public Map<String, Float> similarities(Collection<String> ticketIds, float[] query) {
        return index.read(searcher -> {
            Map<String, Float> similarities = new HashMap<>();
            for (Map.Entry<LeafReaderContext, SortedMap<Integer, String>> leaf
                    : LuceneIndex.docsOf(searcher, ticketIds).entrySet()) {
                FloatVectorValues vectors = leaf.getKey().reader().getFloatVectorValues(VECTOR);
                if (vectors == null) {
                    continue;
                }
                for (Map.Entry<Integer, String> doc : leaf.getValue().entrySet()) { // forwards, in doc order
                    if (vectors.advance(doc.getKey()) == doc.getKey()) {
                        similarities.put(doc.getValue(), UnitVectors.dot(query, vectors.vectorValue()));
                    }
                }
            }
            return similarities;
        });
    }

    void mergeToOneSegment() {
        index.mergeToOneSegment();
    }

    int deletedButPresent() {
        return index.deletedButPresent();
    }

    int segments() {
        return index.segments();
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public Set<String> ticketIds() {
        return index.ticketIds();
    }

    @Override
    public String kind() {
        return "hnsw";
    }

    @Override
    public void close() {
        index.close();
    }

    static void delete(Path folder) {
        try {
            LuceneIndex.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}

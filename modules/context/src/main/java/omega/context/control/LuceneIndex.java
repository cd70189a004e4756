package omega.context.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One Lucene index in its own folder: a writer, near-real-time searchers, and documents keyed by ticket id.
 * Its commit carries an identity (e.g. the embedding model); opened with another identity, or unreadable, the
 * index starts empty and the caller refills it from the store. Deletions are merged away at once, so an erased
 * ticket's terms and vector leave the files rather than waiting for a merge.
 */
final class LuceneIndex implements Closeable {

    static final String ID = "id";
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneIndex(Path folder, IndexWriterConfig config, Map<String, String> identity) throws IOException {
        Files.createDirectories(folder);
        directory = FSDirectory.open(folder);
        try {
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0); // an erasure rewrites every segment holding a deleted doc
            config.setMergePolicy(merges);
            // merges run in the writing thread: no background merge threads per tenant on a small machine, and an
            // erasure's forceMergeDeletes cannot race a merge already picked by a flush
            config.setMergeScheduler(new SerialMergeScheduler());
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        if (!identity.equals(committedIdentity())) {
            writer.deleteAll();
        }
        writer.setLiveCommitData(identity.entrySet());
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index; an unreadable one is deleted and created empty. */
    static LuceneIndex open(Path folder, Supplier<IndexWriterConfig> config, Map<String, String> identity) {
        try {
            return new LuceneIndex(folder, config.get(), identity);
        } catch (LockObtainFailedException e) {
            throw new UncheckedIOException("Index " + folder + " is in use by another writer", e);
        } catch (IOException | RuntimeException e) {
            LOG.warning("Index " + folder + " is unreadable (" + e.getClass().getSimpleName()
                    + "); it is recreated empty and refilled from the store");
        }
        try {
            deleteRecursively(folder);
            return new LuceneIndex(folder, config.get(), identity);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create index " + folder, e);
        }
    }

    private Map<String, String> committedIdentity() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Adds or replaces documents (each carries its id fields, see {@link #addId}) and commits. */
    void upsert(List<Document> documents) {
        try {
            for (Document document : documents) {
                writer.updateDocument(new Term(ID, document.get(ID)), document);
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes documents, merges the deletions out of the segment files and commits. */
    void delete(Collection<String> ticketIds) {
        try {
            writer.deleteDocuments(ticketIds.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
            writer.forceMergeDeletes(true);
            commit();
            writer.deleteUnusedFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges everything into one segment (one graph to search); worth it after a bulk build. */
    void mergeToOneSegment() {
        try {
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    <T> T read(Reading<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id fields of a document: indexed (lookup, delete) and as doc values (fast read-back of hits). */
    static void addId(Document document, String ticketId) {
        document.add(new StringField(ID, ticketId, Field.Store.NO));
        document.add(new BinaryDocValuesField(ID, new BytesRef(ticketId)));
    }

    /** @return the ticket ids of the hits, in the hits' order */
    static String[] ticketIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] ids = new String[hits.length];
        BinaryDocValues values = null;
        int leafIndex = -1;
        for (int i : byDoc) { // doc values are read forwards: in doc order, one iterator per segment
            int leaf = ReaderUtil.subIndex(hits[i].doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = DocValues.getBinary(leaves.get(leaf).reader(), ID);
            }
            int doc = hits[i].doc - leaves.get(leaf).docBase;
            ids[i] = values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
        }
        return ids;
    }

    /** @return for each segment, its live documents among these ticket ids (doc → id, in doc order) */
    static Map<LeafReaderContext, SortedMap<Integer, String>> docsOf(IndexSearcher searcher, Collection<String> ticketIds)
            throws IOException {
        Map<LeafReaderContext, SortedMap<Integer, String>> docs = new LinkedHashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(ID);
            if (terms == null) {
                continue;
            }
            TermsEnum term = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            SortedMap<Integer, String> found = new TreeMap<>();
            for (String id : ticketIds) {
                if (term.seekExact(new BytesRef(id))) {
                    PostingsEnum postings = term.postings(null, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            found.put(doc, id);
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                docs.put(leaf, found);
            }
        }
        return docs;
    }

    Set<String> ticketIds() {
        return read(searcher -> {
            Set<String> ids = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                BinaryDocValues values = DocValues.getBinary(reader, ID);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        ids.add(values.binaryValue().utf8ToString());
                    }
                }
            }
            return ids;
        });
    }

    int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** @return documents deleted but still physically in the segment files (0 right after a deletion) */
    int deletedButPresent() {
        return read(searcher -> searcher.getIndexReader().numDeletedDocs());
    }

    int segments() {
        return read(searcher -> searcher.getIndexReader().leaves().size());
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @FunctionalInterface
    interface Reading<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}

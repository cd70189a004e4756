package omega.context.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import omega.context.api.MatchReason;
import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;
import omega.context.api.SearchHit;

/**
 * Hybrid retrieval over one tenant: the union of the vector index's and the keyword index's candidates (both
 * filtered), scored as weighted cosine + relative BM25 + recency decay, explained per hit. A vector-only
 * candidate outside the keyword top gets keyword 0; a keyword-only candidate gets its real cosine. Hits are read
 * back from the store, so a ticket no longer stored is never returned.
 */
final class HybridRetriever {

    private final RetrievalSettings settings;
    private final MemoryStore store;
    private final TextTerms terms;
    private final Clock clock;

    HybridRetriever(RetrievalSettings settings, MemoryStore store, TextTerms terms, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.terms = terms;
        this.clock = clock;
    }

    List<SearchHit> search(TenantIndex index, float[] queryVector, String queryText, SearchFilter filter, int limit,
            Set<String> excluded) {
        int wanted = Math.max(settings.candidates(), limit + excluded.size());
        Map<String, Candidate> candidates = new HashMap<>();
        for (Neighbor neighbor : index.vectors().nearest(queryVector, wanted, filter)) {
            candidates.computeIfAbsent(neighbor.ticketId(), Candidate::new).similarity = neighbor.similarity();
        }
        int wantedKeywords = Math.max(settings.keywordCandidates(), limit + excluded.size());
        List<KeywordMatch> matches = index.keywords().search(queryText, wantedKeywords, filter);
        float bestKeyword = matches.isEmpty() ? 1 : matches.get(0).score();
        for (KeywordMatch match : matches) {
            candidates.computeIfAbsent(match.ticketId(), Candidate::new).keyword = match.score() / bestKeyword;
        }
        List<String> keywordOnly = candidates.values().stream().filter(c -> Float.isNaN(c.similarity))
                .map(c -> c.ticketId).toList();
        Map<String, Float> similarities = keywordOnly.isEmpty() ? Map.of()
                : index.vectors().similarities(keywordOnly, queryVector);
        List<Candidate> ranked = new ArrayList<>(candidates.size());
        long now = clock.millis();
        for (Candidate candidate : candidates.values()) {
            TicketFacets facets = index.facets(candidate.ticketId);
            if (facets == null || excluded.contains(candidate.ticketId)) {
                continue;
            }
            if (Float.isNaN(candidate.similarity)) {
                candidate.similarity = similarities.getOrDefault(candidate.ticketId, 0f);
            }
            candidate.score(settings, recency(now - facets.resolvedAtMillis()));
            ranked.add(candidate);
        }
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                .thenComparing(c -> c.ticketId));
        return hits(index.tenantId(), ranked.subList(0, Math.min(limit, ranked.size())), queryText);
    }

    /** 1 for a ticket resolved now, 0.5 after one half-life; a future resolution time counts as now. */
    private double recency(long ageMillis) {
        return Math.pow(0.5, Math.max(0, ageMillis) / (double) settings.recencyHalfLife().toMillis());
    }

    private List<SearchHit> hits(String tenantId, List<Candidate> top, String queryText) {
        Map<String, ResolvedTicket> stored = new HashMap<>();
        for (ResolvedTicket ticket : store.find(tenantId, top.stream().map(c -> c.ticketId).toList())) {
            stored.put(ticket.ticketId(), ticket);
        }
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        for (Candidate candidate : top) {
            ResolvedTicket ticket = stored.get(candidate.ticketId);
            if (ticket != null && tenantId.equals(ticket.tenantId())) {
                MatchReason why = new MatchReason(candidate.vector, candidate.keywordPart, candidate.recency,
                        candidate.similarity, terms.matchedWords(queryText, ticket.text()));
                hits.put(ticket.ticketId(), new SearchHit(ticket, candidate.score, why));
            }
        }
        return List.copyOf(hits.values());
    }

    private static final class Candidate {
        final String ticketId;
        float similarity = Float.NaN;
        double keyword;
        double vector;
        double keywordPart;
        double recency;
        double score;

        Candidate(String ticketId) {
            this.ticketId = ticketId;
        }

        void score(RetrievalSettings weights, double freshness) {
            vector = weights.vectorWeight() * Math.max(0, similarity);
            keywordPart = weights.keywordWeight() * keyword;
            recency = weights.recencyWeight() * freshness;
            score = vector + keywordPart + recency;
        }
    }
}

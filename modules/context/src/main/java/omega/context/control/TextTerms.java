package omega.context.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text as keyword terms: English tokenization, stop words removed, Porter stemming (the analysis BM25 indexes
 * with). Also tells which words of a query a ticket's text contains, for the explanation of a hit.
 */
final class TextTerms {

    /** A query longer than this many distinct terms is cut: enough to rank, bounded in cost. */
    static final int MAX_QUERY_TERMS = 64;

    private final Analyzer analyzer = new EnglishAnalyzer();

    Analyzer analyzer() {
        return analyzer;
    }

    /** @return the distinct terms of the text, in order of first appearance, at most {@link #MAX_QUERY_TERMS} */
    List<String> queryTerms(String text) {
        return List.copyOf(wordsByTerm(text, MAX_QUERY_TERMS).keySet());
    }

    /** @return the words of the query (lower case) whose stemmed term also occurs in the text */
    List<String> matchedWords(String query, String text) {
        Set<String> textTerms = wordsByTerm(text, Integer.MAX_VALUE).keySet();
        return wordsByTerm(query, MAX_QUERY_TERMS).entrySet().stream()
                .filter(e -> textTerms.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** @return term → the first word it came from */
    private Map<String, String> wordsByTerm(String text, int limit) {
        Map<String, String> words = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < limit) {
                words.putIfAbsent(term.toString(),
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    Set<String> terms(String text) {
        return new LinkedHashSet<>(wordsByTerm(text, Integer.MAX_VALUE).keySet());
    }
}

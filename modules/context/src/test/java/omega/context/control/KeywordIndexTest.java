package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.SearchFilter;

class KeywordIndexTest {

    @TempDir
    Path folder;

    private final TextTerms terms = new TextTerms();

    @Test
    void bm25RanksTheRareTermHigherAndStems() {
        try (KeywordIndex index = new KeywordIndex(folder, terms)) {
            index.putAll(List.of(
                    entry("a", "printer offline again on floor two", "acme"),
                    entry("b", "printers jam and printer shows error 0x80070005", "acme"),
                    entry("c", "vpn drops every hour", "globex"),
                    entry("d", "printer toner low", "globex")));
            List<KeywordMatch> found = index.search("Printers fail with 0x80070005", 10, SearchFilter.NONE);
            assertEquals("b", found.get(0).ticketId(), "the rare error code outweighs the common word");
            assertEquals(3, found.size(), "stemming: printers ~ printer");
            List<KeywordMatch> globex = index.search("printer", 10, new SearchFilter("globex", null, null));
            assertEquals(List.of("d"), globex.stream().map(KeywordMatch::ticketId).toList());
            assertTrue(index.search("the and of", 10, SearchFilter.NONE).isEmpty(), "stop words only");
        }
    }

    @Test
    void removalMergesTheTermsOutOfTheFiles() {
        try (KeywordIndex index = new KeywordIndex(folder, terms)) {
            index.putAll(List.of(entry("a", "zanzibar quokka outage", "acme"), entry("b", "mail outage", "acme")));
            assertEquals(1, index.documentFrequency("quokka"));
            index.removeAll(List.of("a"));
            assertEquals(0, index.documentFrequency("quokka"), "postings of the deleted document are gone");
            assertEquals(0, index.deletedButPresent());
            assertEquals(1, index.size());
        }
    }

    @Test
    void survivesReopening() {
        try (KeywordIndex index = new KeywordIndex(folder, terms)) {
            index.putAll(List.of(entry("a", "outlook password prompt", "acme")));
        }
        try (KeywordIndex index = new KeywordIndex(folder, terms)) {
            assertEquals("a", index.search("password", 5, SearchFilter.NONE).get(0).ticketId());
        }
    }

    private static KeywordIndex.KeywordEntry entry(String id, String text, String client) {
        return new KeywordIndex.KeywordEntry(id, text, Tickets.facets(client, "general"));
    }
}

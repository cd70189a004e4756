package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTermsTest {

    private final TextTerms terms = new TextTerms();

    @Test
    void matchedWordsAreTheQueryWordsTheTextContainsAfterStemming() {
        assertEquals(List.of("printers", "drivers"),
                terms.matchedWords("Printers fail: the Drivers are old", "printer driver reinstalled"));
    }

    @Test
    void queryTermsAreDistinctStemsWithoutStopWords() {
        assertEquals(List.of("mail", "bounc"), terms.queryTerms("The mail is bouncing, mail bounces"));
    }
}

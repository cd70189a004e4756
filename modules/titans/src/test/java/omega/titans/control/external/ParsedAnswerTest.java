package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsedAnswerTest {

    @Test
    void readsTheAnswerObject() {
        ParsedAnswer answer = ParsedAnswer.parse("""
                {"value": "Email", "confidence": 0.8, "alternatives": [{"value": "Access", "confidence": 0.15}],
                 "explanation": "Outlook prompts."}""");

        assertEquals("Email", answer.value());
        assertEquals(0.8, answer.confidence());
        assertEquals(List.of(new ParsedAnswer.Candidate("Access", 0.15)), answer.alternatives());
        assertEquals("Outlook prompts.", answer.explanation());
    }

    @Test
    void toleratesAMarkdownFenceAndMissingOptionalFields() {
        ParsedAnswer answer = ParsedAnswer.parse("```json\n{\"value\": \"Email\", \"confidence\": 1}\n```");

        assertEquals("Email", answer.value());
        assertEquals(List.of(), answer.alternatives());
        assertNull(answer.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Email",
            "I would say {\"value\": \"Email\", \"confidence\": 0.8}",
            "{\"value\": \"Email\", \"confidence\": 0.8} and more",
            "[\"Email\"]",
            "{\"value\": \"Email\"}",
            "{\"value\": \"Email\", \"confidence\": \"high\"}",
            "{\"value\": \"Email\", \"confidence\": 1.2}",
            "{\"value\": \"Email\", \"confidence\": -0.1}",
            "{\"value\": 3, \"confidence\": 0.5}",
            "{\"value\": \"  \", \"confidence\": 0.5}",
            "{\"confidence\": 0.5}",
            "{\"value\": \"Email\", \"confidence\": 0.5, \"alternatives\": \"Access\"}",
            "{\"value\": \"Email\", \"confidence\": 0.5, \"alternatives\": [{\"value\": \"Access\"}]}",
            "{\"value\": \"Email\", \"confidence\": 0.5, \"explanation\": 42}",
            "{\"value\": \"Email\", \"confidence\": 0.5"})
    void rejectsAnythingElseSayingWhy(String content) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ParsedAnswer.parse(content));

        assertTrue(failure.getMessage() != null && !failure.getMessage().isBlank());
    }
}

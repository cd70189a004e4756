package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    @Test
    void embeddingValuesThenHashedNgramsWithTheirOwnNorm() {
        float[] embedding = {0.6f, 0.8f};
        TextFeatures.Vector v = new TextFeatures(true, 0.5).encode("VPN drops, vpn drops again", embedding);
        assertEquals("e0000", v.names()[0]);
        assertEquals(0.8, v.values()[1], 1e-6);
        // unigrams vpn, drops, again + bigrams "vpn drops", "drops vpn", "drops again" (repeats merged)
        assertEquals(2 + 6, v.names().length);
        double lexicalNorm = Math.sqrt(Arrays.stream(v.values(), 2, v.values().length).map(x -> x * x).sum());
        assertEquals(0.5, lexicalNorm, 1e-9);
        TextFeatures.Vector again = new TextFeatures(true, 0.5).encode("vpn DROPS vpn drops again", embedding);
        assertArrayEquals(v.names(), again.names());
        assertEquals(2, TextFeatures.EMBEDDING_ONLY.encode("vpn drops", embedding).names().length);
    }
}

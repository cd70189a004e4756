package omega.connectors.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PsaPlatformTest {

    @Test
    void slugsAreTheCanonicalSourceNames() {
        assertEquals(List.of("zendesk", "servicenow", "salesforce", "kaseya-bms", "connectwise", "autotask"),
                Arrays.stream(PsaPlatform.values()).map(PsaPlatform::slug).toList());
    }

    @Test
    void fromSlugRoundTripsAndIgnoresCaseAndBlanks() {
        for (PsaPlatform platform : PsaPlatform.values()) {
            assertEquals(platform, PsaPlatform.fromSlug(platform.slug()));
        }
        assertEquals(PsaPlatform.KASEYA_BMS, PsaPlatform.fromSlug(" Kaseya-BMS "));
    }

    @Test
    void unknownSlugsNameTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsaPlatform.fromSlug("KASEYA_BMS"));
        assertThrows(IllegalArgumentException.class, () -> PsaPlatform.fromSlug(null));

        assertTrue(e.getMessage().contains("kaseya-bms"), e.getMessage());
    }
}

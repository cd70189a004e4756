package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;

class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys("omega:ctx:");

    @Test
    void partsAreEncodedSoNoIdCanForgeASeparatorOrAGlob() {
        assertEquals("omega:ctx:acme:ticket:t-1:draft", keys.of(new WorkingKey("acme", WorkingScope.TICKET, "t-1", "draft")));
        assertNotEquals(keys.of(new WorkingKey("a:ticket:b", WorkingScope.TICKET, "c", "d")),
                keys.of(new WorkingKey("a", WorkingScope.TICKET, "b:ticket:c", "d")));
        assertEquals("omega:ctx:acme:session:s%2A%3F%5B%5D:*", keys.ownerPattern("acme", WorkingScope.SESSION, "s*?[]"));
        assertEquals("caf%C3%A9", RedisKeys.encode("café"));
    }
}

package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;
import omega.platform.api.ProblemException;

class InProcessWorkingMemoryTest {

    private final MutableClock clock = new MutableClock(Tickets.NOW);
    private final WorkingMemorySettings settings =
            new WorkingMemorySettings(Duration.ofMinutes(10), Duration.ofHours(1), 3, 20);
    private final InProcessWorkingMemory memory = new InProcessWorkingMemory(settings, clock);

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        WorkingKey draft = key("t1", "draft");
        WorkingKey notes = key("t1", "scratchpad");
        memory.put(draft, "hello");
        memory.put(notes, "short", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of("short"), memory.get(notes));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), memory.get(notes));
        clock.advance(Duration.ofMinutes(9).plusSeconds(29));
        assertEquals(Optional.of("hello"), memory.get(draft));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), memory.get(draft), "the default TTL of 10 minutes is over");
        assertFalse(memory.delete(draft));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenFull() {
        memory.put(key("a", "s"), "1");
        memory.put(key("b", "s"), "2");
        memory.put(key("c", "s"), "3");
        memory.get(key("a", "s")); // a is now more recent than b
        memory.put(key("d", "s"), "4");
        assertEquals(3, memory.size());
        assertEquals(Optional.empty(), memory.get(key("b", "s")));
        assertEquals(Optional.of("1"), memory.get(key("a", "s")));
        assertEquals(Optional.of("4"), memory.get(key("d", "s")));
    }

    @Test
    void valuesAndTimesToLiveAreBounded() {
        ProblemException tooLarge = assertThrows(ProblemException.class, () -> memory.put(key("a", "s"), "x".repeat(21)));
        assertEquals(413, tooLarge.status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> memory.put(key("a", "s"), "x", Duration.ofHours(2))).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> memory.put(key("a", "s"), "x", Duration.ZERO)).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> new WorkingKey("acme", WorkingScope.TICKET, "", "s")).status());
        assertEquals(0, memory.size());
    }

    @Test
    void clearRemovesOneOwnersSlotsOnly() {
        memory.put(key("t1", "draft"), "1");
        memory.put(key("t1", "notes"), "2");
        memory.put(new WorkingKey("globex", WorkingScope.TICKET, "t1", "draft"), "3");
        assertEquals(2, memory.clear("acme", WorkingScope.TICKET, "t1"));
        assertEquals(Optional.of("3"), memory.get(new WorkingKey("globex", WorkingScope.TICKET, "t1", "draft")));
        assertTrue(memory.get(key("t1", "notes")).isEmpty());
    }

    private static WorkingKey key(String owner, String slot) {
        return new WorkingKey("acme", WorkingScope.TICKET, owner, slot);
    }
}

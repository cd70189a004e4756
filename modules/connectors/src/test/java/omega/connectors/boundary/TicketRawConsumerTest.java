package omega.connectors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import omega.connectors.control.RawMessage;
import omega.platform.api.UnprocessableMessage;

class TicketRawConsumerTest {

    @Test
    void aWellFormedMessageIsRead() {
        RawMessage m = TicketRawConsumer.read("{\"rawId\":\"r1\",\"tenantId\":\"acme\",\"platform\":\"autotask\","
                + "\"body\":\"{}\",\"replay\":true}");
        assertEquals("r1", m.rawId());
        assertEquals(true, m.replay());
    }

    @Test
    void anUnreadableMessageIsUnprocessableNotRetried() {
        for (String bad : new String[] {"{ not json", "[1,2]", "null", ""}) {
            UnprocessableMessage refused = assertThrows(UnprocessableMessage.class, () -> TicketRawConsumer.read(bad),
                    bad);
            assertEquals("unreadable-message", refused.reason());
        }
    }
}

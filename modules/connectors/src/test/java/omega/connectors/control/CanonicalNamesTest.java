package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PriorityNames} and {@link StatusNames}: the name-based mappings used for tenant-defined values. */
class CanonicalNamesTest {

    @ParameterizedTest
    @CsvSource({
            "Critical,P1", "URGENT,P1", "Emergency,P1", "Highest,P1", "High,P2", "Medium,P3", "normal,P3",
            "Moderate,P3", "Low,P4", "Very Low,P5", "Lowest,P5", "Planning,P5",
            "P2,P2", "p5,P5", "Priority 1 - Emergency Response,P1", "Priority 3 - Normal Response,P3",
            "1 - Critical,P1", "4 - Low,P4", "Sev 2,P2", "2,P2"})
    void priorityNames(String name, String canonical) {
        assertEquals(canonical, PriorityNames.canonical(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Do not respond", "Follow up", "Below SLA", "10", "", "Priority 7"})
    void priorityNamesThatSayNothingKnownGiveNull(String name) {
        assertNull(PriorityNames.canonical(name));
    }

    @ParameterizedTest
    @CsvSource({
            "New,NEW", "New (not responded),NEW", "Open,OPEN", "In Progress,OPEN", "Assigned,OPEN", "Working,OPEN",
            "Escalated,OPEN", "Re-opened,OPEN", "Waiting Customer,PENDING", "Pending,PENDING", "On Hold,PENDING",
            "Scheduled,PENDING", "Resolved,RESOLVED", "Solved,RESOLVED", "Completed,RESOLVED", "Complete,RESOLVED",
            "Closed,CLOSED", ">Closed,CLOSED", "Cancelled,CLOSED", "Canceled,CLOSED", "Closed - Resolved,CLOSED"})
    void statusNames(String name, String canonical) {
        assertEquals(canonical, StatusNames.canonical(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Billing Review", "Newsletter", "", "Reopen requested by QA team?"})
    void statusNamesThatSayNothingKnownGiveNull(String name) {
        assertNull(StatusNames.canonical(name));
    }
}

package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import omega.triage.api.Insights;

class TenantInsightsTest {

    @Test
    void percentilesAreNearestRank() {
        long[] ms = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
        assertEquals(500L, TenantInsights.percentile(ms, 50));
        assertEquals(1000L, TenantInsights.percentile(ms, 95));
        assertEquals(100L, TenantInsights.percentile(new long[] {100}, 95));
        assertNull(TenantInsights.percentile(new long[0], 50));
    }

    @Test
    void triageTimesFallIntoUpperBoundBuckets() {
        Insights.TriageTime t = TenantInsights.triageTime(new long[] {400, 1000, 1001, 4000, 61_000, 7_200_000});
        assertEquals(6, t.count());
        assertEquals(List.of(2L, 2L, 0L, 0L, 1L, 0L, 1L), t.buckets().stream().map(Insights.Bucket::count).toList());
        assertEquals(1L, t.buckets().get(0).leSeconds());
        assertNull(t.buckets().get(6).leSeconds(), "the last bucket is open-ended");
        assertEquals(1001L, t.p50Ms());
        assertEquals(7_200_000L, t.p95Ms());
    }

    @Test
    void noTriagedTicketsGiveNoPercentiles() {
        Insights.TriageTime t = TenantInsights.triageTime(new long[0]);
        assertEquals(0, t.count());
        assertNull(t.p50Ms());
        assertEquals(7, t.buckets().size());
    }
}

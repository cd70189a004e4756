package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import omega.platform.control.MapConfig;
import omega.titans.api.CostCapReachedException;
import omega.titans.api.TitanSpend;

class UsageLedgerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T23:59:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private UsageLedger ledger(Map<String, String> values) {
        MapConfig config = ModuleDefaults.config(values);
        return new UsageLedger(new ModelPrices(config), new CostCaps(config), clock);
    }

    @Test
    void costsTokensAtTheModelsListOrConfiguredPrice() {
        UsageLedger ledger = ledger(Map.of("titans.price.grok-3.output-usd-per-million", "10"));

        assertEquals(0.0036, ledger.record("openai", "acme", "gpt-4.1-mini", 5_000, 1_000), 1e-12);
        assertEquals(0.013, ledger.record("xai", "acme", "grok-3", 1_000, 1_000), 1e-12);
        assertEquals(0, ledger.record("augment", "acme", "unknown-model", 1_000, 1_000));

        MonthlyUsage usage = ledger.usage("acme", YearMonth.of(2026, 11));
        assertEquals(3, usage.calls());
        assertEquals(7_000, usage.inputTokens());
        assertEquals(3_000, usage.outputTokens());
        assertEquals(0.0166, usage.costUsd(), 1e-12);
        assertEquals(0, ledger.usage("other", YearMonth.of(2026, 11)).calls());

        List<TitanSpend> spend = ledger.spend("acme", YearMonth.of(2026, 11));
        assertEquals(List.of("augment", "openai", "xai"), spend.stream().map(TitanSpend::titanId).toList());
        assertEquals(new TitanSpend("xai", "grok-3", 1, 1_000, 1_000, 0.013), spend.get(2));
        assertEquals(List.of(), ledger.spend("acme", YearMonth.of(2026, 10)));
        assertEquals(List.of(), ledger.spend("other", YearMonth.of(2026, 11)));
    }

    @Test
    void theTenantCapRefusesUntilTheNextMonth() {
        UsageLedger ledger = ledger(Map.of("titans.monthly-cost-cap-usd", "100",
                "titans.tenant.acme.monthly-cost-cap-usd", "0.01"));

        ledger.record("openai", "acme", "gpt-4.1", 4_000, 0);
        assertDoesNotThrow(() -> ledger.ensureWithinCap("openai", "acme"));
        ledger.record("openai", "acme", "gpt-4.1", 0, 1_000);
        CostCapReachedException refused = assertThrows(CostCapReachedException.class,
                () -> ledger.ensureWithinCap("openai", "acme"));
        assertEquals("openai", refused.titanId());
        assertDoesNotThrow(() -> ledger.ensureWithinCap("openai", "globex"), "other tenants have the default cap");

        now.set(Instant.parse("2026-12-01T00:00:01Z"));
        assertDoesNotThrow(() -> ledger.ensureWithinCap("openai", "acme"));
        assertEquals(0.016, ledger.usage("acme", YearMonth.of(2026, 11)).costUsd(), 1e-12);
    }

    @Test
    void withoutACapNothingIsRefused() {
        UsageLedger ledger = ledger(Map.of());
        ledger.record("openai", "acme", "gpt-4.1", 100_000_000, 100_000_000);

        assertDoesNotThrow(() -> ledger.ensureWithinCap("openai", "acme"));
    }

    /** The table, as a map: what survives when the process (and its in-memory ledger) is gone. */
    static final class StoredUsage extends UsageRecords {
        final Map<String, TitanSpend> rows = new java.util.concurrent.ConcurrentHashMap<>();
        int failuresLeft;

        @Override
        public void add(String tenantId, YearMonth month, String titanId, String model, long in, long out, double cost) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("duplicate key (another process inserted the row first)");
            }
            rows.merge(tenantId + "/" + month + "/" + titanId + "/" + model, new TitanSpend(titanId, model, 1, in, out, cost),
                    (a, b) -> new TitanSpend(titanId, model, a.calls() + 1, a.inputTokens() + in, a.outputTokens() + out,
                            a.costUsd() + cost));
        }

        @Override
        public List<TitanSpend> spend(String tenantId, YearMonth month) {
            return rows.entrySet().stream().filter(e -> e.getKey().startsWith(tenantId + "/" + month + "/"))
                    .map(Map.Entry::getValue).toList();
        }
    }

    @Test
    void spendAndTheCapSurviveARestartThroughTheStoredLedger() {
        MapConfig config = ModuleDefaults.config(Map.of("titans.tenant.acme.monthly-cost-cap-usd", "0.005"));
        StoredUsage table = new StoredUsage();
        UsageLedger before = new UsageLedger(new ModelPrices(config), new CostCaps(config), clock, table);
        table.failuresLeft = 1; // the first insert collides once and is tried again
        before.record("openai", "acme", "gpt-4.1-mini", 5_000, 1_000);
        before.record("openai", "acme", "gpt-4.1-mini", 5_000, 1_000);

        UsageLedger after = new UsageLedger(new ModelPrices(config), new CostCaps(config), clock, table);
        List<TitanSpend> spend = after.spend("acme", YearMonth.of(2026, 11));
        assertEquals(1, spend.size());
        assertEquals(2, spend.get(0).calls());
        assertEquals(0.0072, spend.get(0).costUsd(), 1e-12);
        assertThrows(CostCapReachedException.class, () -> after.ensureWithinCap("openai", "acme"),
                "0.0072 USD spent before the restart is over the 0.005 cap");
    }
}

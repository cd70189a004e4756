package omega.titans.control.external;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import omega.titans.api.CostCapReachedException;
import omega.titans.api.TitanSpend;
import omega.titans.api.TitanUsage;

/**
 * Tokens and cost of external titan calls per tenant per month, and the monthly cost cap that makes external calls
 * refuse once reached. Persisted in {@code titans_usage} ({@link UsageRecords}), so spend and the cap survive a restart
 * and count the calls of every process; kept in memory too, which is what a ledger without the table (unit tests)
 * or a failing database falls back to. The cap is checked before a call, so calls running in parallel can overshoot
 * it by their own cost.
 */
@ApplicationScoped
public class UsageLedger implements TitanUsage {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class.getName());

    private record Key(String tenantId, YearMonth month) {
    }

    private record TitanKey(String tenantId, YearMonth month, String titanId, String model) {
    }

    private final ModelPrices prices;
    private final CostCaps caps;
    private final Clock clock;
    private final UsageRecords records;
    private final ConcurrentMap<Key, MonthlyUsage> usage = new ConcurrentHashMap<>();
    private final ConcurrentMap<TitanKey, TitanSpend> byTitan = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> unpricedModels = new ConcurrentHashMap<>();

    @Inject
    public UsageLedger(Config config, UsageRecords records) {
        this(new ModelPrices(config), new CostCaps(config), Clock.systemUTC(), records);
    }

    UsageLedger(ModelPrices prices, CostCaps caps, Clock clock) {
        this(prices, caps, clock, null);
    }

    UsageLedger(ModelPrices prices, CostCaps caps, Clock clock, UsageRecords records) {
        this.prices = prices;
        this.caps = caps;
        this.clock = clock;
        this.records = records;
    }

    /** for CDI's client proxy */
    protected UsageLedger() {
        this(null, null, null, null);
    }

    /** @throws CostCapReachedException when the tenant's spend this month reached its cap */
    public void ensureWithinCap(String titanId, String tenantId) {
        Optional<Double> cap = caps.capFor(tenantId);
        if (cap.isPresent()) {
            double spent = spend(tenantId, thisMonth()).stream().mapToDouble(TitanSpend::costUsd).sum();
            if (spent >= cap.get()) {
                throw new CostCapReachedException(titanId, tenantId, spent, cap.get());
            }
        }
    }

    /** @return the cost of this call in USD (0 for a model without a price) */
    public double record(String titanId, String tenantId, String model, long inputTokens, long outputTokens) {
        double cost = prices.of(model).map(p -> p.cost(inputTokens, outputTokens)).orElseGet(() -> {
            if (unpricedModels.putIfAbsent(model, Boolean.TRUE) == null) {
                LOG.warning("no price for model " + model + ": its calls count 0 USD against cost caps; set "
                        + "titans.price." + model + ".input-usd-per-million and .output-usd-per-million");
            }
            return 0d;
        });
        usage.compute(new Key(tenantId, thisMonth()), (key, current) ->
                (current == null ? new MonthlyUsage(tenantId, key.month(), 0, 0, 0, 0) : current)
                        .plus(inputTokens, outputTokens, cost));
        byTitan.merge(new TitanKey(tenantId, thisMonth(), titanId, model),
                new TitanSpend(titanId, model, 1, inputTokens, outputTokens, cost),
                (a, b) -> new TitanSpend(titanId, model, a.calls() + 1, a.inputTokens() + inputTokens,
                        a.outputTokens() + outputTokens, a.costUsd() + cost));
        persist(titanId, tenantId, model, inputTokens, outputTokens, cost);
        return cost;
    }

    /** Two tries: a first call of a month by two processes at once can collide on the new row. */
    private void persist(String titanId, String tenantId, String model, long inputTokens, long outputTokens, double cost) {
        if (records == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                records.add(tenantId, thisMonth(), titanId, model, inputTokens, outputTokens, cost);
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.warning("could not store the usage of a " + titanId + " call of tenant " + tenantId
                            + " (kept in this process only): " + e);
                    return;
                }
            }
        }
    }

    /** @return the stored spend (every process, since the month began), or this process's when the table fails */
    @Override
    public List<TitanSpend> spend(String tenantId, YearMonth month) {
        if (records != null) {
            try {
                return records.spend(tenantId, month);
            } catch (RuntimeException e) {
                LOG.warning("could not read the stored usage of tenant " + tenantId + "; using this process's: " + e);
            }
        }
        return byTitan.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId) && e.getKey().month().equals(month))
                .map(java.util.Map.Entry::getValue)
                .sorted(Comparator.comparing(TitanSpend::titanId).thenComparing(TitanSpend::model))
                .toList();
    }

    public MonthlyUsage usage(String tenantId, YearMonth month) {
        return usage.getOrDefault(new Key(tenantId, month), new MonthlyUsage(tenantId, month, 0, 0, 0, 0));
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}

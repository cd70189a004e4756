package omega.titans.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One tenant's use of one external titan and model in one UTC month ({@code yyyy-MM}). */
@Entity
@Table(name = "titans_usage")
public class UsageRecord {

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "month_utc")
    private String month;

    @Column(name = "titan_id")
    private String titanId;

    private String model;

    private long calls;

    @Column(name = "input_tokens")
    private long inputTokens;

    @Column(name = "output_tokens")
    private long outputTokens;

    @Column(name = "cost_usd")
    private double costUsd;

    protected UsageRecord() {
    }

    public UsageRecord(String tenantId, String month, String titanId, String model, long calls, long inputTokens,
                       long outputTokens, double costUsd) {
        this.id = id(tenantId, month, titanId, model);
        this.tenantId = tenantId;
        this.month = month;
        this.titanId = titanId;
        this.model = model;
        this.calls = calls;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.costUsd = costUsd;
    }

    /** @return the row's key: tenant, month, titan and model (none of them contains a newline) */
    public static String id(String tenantId, String month, String titanId, String model) {
        return String.join("\n", tenantId, month, titanId, model);
    }

    public String titanId() { return titanId; }

    public String model() { return model; }

    public long calls() { return calls; }

    public long inputTokens() { return inputTokens; }

    public long outputTokens() { return outputTokens; }

    public double costUsd() { return costUsd; }
}

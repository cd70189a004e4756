package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import omega.titans.api.Tier;
import omega.triage.api.TicketStatus;

@Entity
@Table(name = "triage_ticket")
public class TicketRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "source", length = 64, nullable = false)
    private String source;

    @Column(name = "external_id", length = 255, nullable = false)
    private String externalId;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "title", length = 500, nullable = false)
    private String title;

    @Lob
    @Column(name = "body")
    private String body;

    @Column(name = "requester", length = 320)
    private String requester;

    @Column(name = "client", length = 255)
    private String client;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "priority", length = 32)
    private String priority;

    @Column(name = "category", length = 128)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    private TicketStatus status;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published", nullable = false)
    private boolean published;

    @Column(name = "correlation_id", length = 64)
    private String correlationId;

    @Column(name = "history_length", nullable = false)
    private int historyLength;

    /** the least automatic tier among the decision's labels (MANUAL before AUTO): the queue's tier filter */
    @Enumerated(EnumType.STRING)
    @Column(name = "lowest_tier", length = 16)
    private Tier lowestTier;

    /** the decided category, or the one a technician gave since */
    @Column(name = "decided_category", length = 255)
    private String decidedCategory;

    @Column(name = "sla_at_risk", nullable = false)
    private boolean slaAtRisk;

    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    /** when the ticket first reached TRIAGED (the first TRIAGED entry of its status history) */
    @Column(name = "triaged_at")
    private Instant triagedAt;

    /** triaged with AUTO/CONFIRM labels that no person has confirmed, corrected or rejected yet */
    @Column(name = "awaiting_confirmation", nullable = false)
    private boolean awaitingConfirmation;

    protected TicketRecord() {
    }

    public TicketRecord(String id, String tenantId, String source, String externalId, long version, String title,
            String body, String requester, String client, Instant createdAt, String priority, String category,
            TicketStatus status, Instant receivedAt, String correlationId, boolean published) {
        this.id = id;
        this.tenantId = tenantId;
        this.source = source;
        this.externalId = externalId;
        this.version = version;
        this.title = title;
        this.body = body;
        this.requester = requester;
        this.client = client;
        this.createdAt = createdAt;
        this.priority = priority;
        this.category = category;
        this.status = status;
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
        this.correlationId = correlationId;
        this.published = published;
    }

    /** Takes the content of a newer version of the same source ticket. */
    public void update(long newVersion, String newTitle, String newBody, String newRequester, String newClient,
            String newPriority, String newCategory, Instant at) {
        this.version = newVersion;
        this.title = newTitle == null ? title : newTitle;
        this.body = newBody == null ? body : newBody;
        this.requester = newRequester == null ? requester : newRequester;
        this.client = newClient == null ? client : newClient;
        this.priority = newPriority == null ? priority : newPriority;
        this.category = newCategory == null ? category : newCategory;
        this.updatedAt = at;
    }

    /** @return the sequence number of the next status-history entry of this ticket */
    public int nextHistorySeq() {
        return ++historyLength;
    }

    public void moveTo(TicketStatus next, Instant at) {
        this.status = next;
        this.updatedAt = at;
    }

    /** Copies what the queue filters and sorts by from a stored decision. */
    public void decided(Tier lowest, String category, boolean atRisk, Instant dueAt, boolean awaiting, Instant at) {
        if (triagedAt == null) {
            triagedAt = at;
        }
        this.lowestTier = lowest;
        this.awaitingConfirmation = awaiting;
        this.decidedCategory = category == null || category.length() <= 255 ? category : category.substring(0, 255);
        this.slaAtRisk = atRisk;
        this.slaDueAt = dueAt;
    }

    /** A technician gave the category: the queue shows and filters by it from now on. */
    public void categoryGiven(String category) {
        this.decidedCategory = category.length() <= 255 ? category : category.substring(0, 255);
    }

    /** A person gave feedback on, or reviewed, the decision: it no longer waits for confirmation. */
    public void reviewed() {
        this.awaitingConfirmation = false;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String source() { return source; }
    public String externalId() { return externalId; }
    public long version() { return version; }
    public String title() { return title; }
    public String body() { return body; }
    public String requester() { return requester; }
    public String client() { return client; }
    public Instant createdAt() { return createdAt; }
    public String priority() { return priority; }
    public String category() { return category; }
    public TicketStatus status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean published() { return published; }
    public String correlationId() { return correlationId; }
    public Tier lowestTier() { return lowestTier; }
    public String decidedCategory() { return decidedCategory; }
    public boolean slaAtRisk() { return slaAtRisk; }
    public Instant slaDueAt() { return slaDueAt; }
    public boolean awaitingConfirmation() { return awaitingConfirmation; }
    public Instant triagedAt() { return triagedAt; }
}

package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import omega.triage.api.TicketStatus;

@Entity
@Table(name = "triage_ticket_status")
public class TicketStatusChange {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "ticket_id", length = 36, nullable = false)
    private String ticketId;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    private TicketStatus status;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    @Column(name = "detail", length = 500)
    private String detail;

    protected TicketStatusChange() {
    }

    public TicketStatusChange(String id, TicketRecord ticket, TicketStatus status, Instant at, String detail) {
        this.id = id;
        this.ticketId = ticket.id();
        this.seq = ticket.nextHistorySeq();
        this.status = status;
        this.at = at;
        this.detail = detail;
    }

    public String ticketId() { return ticketId; }
    public TicketStatus status() { return status; }
    public Instant at() { return at; }
    public String detail() { return detail; }
}

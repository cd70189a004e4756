// The dashboard's only way to the server: same-origin fetch with the session cookie, the CSRF token on every
// state-changing call, and problem+json errors turned into ApiError.
export interface Me { tenant: string; method: string; userId?: string; email?: string; role?: string; csrfToken?: string }
export type Status = 'RECEIVED' | 'QUEUED_FOR_TRIAGE' | 'TRIAGED';
export const STATUSES: Status[] = ['RECEIVED', 'QUEUED_FOR_TRIAGE', 'TRIAGED'];
export type Tier = 'AUTO' | 'CONFIRM' | 'MANUAL';
export const TIERS: Tier[] = ['AUTO', 'CONFIRM', 'MANUAL'];
export interface TicketSummary {
  id: string; source: string; externalId: string; title: string; client?: string; priority?: string;
  category?: string; status: Status; receivedAt: string; updatedAt: string;
  tier?: Tier; decidedCategory?: string; slaAtRisk: boolean; slaDueAt?: string;
}
export interface TicketPage { items: TicketSummary[]; page: number; size: number; total: number }
export interface TicketFilter { status?: string; tier?: string; client?: string; category?: string; sort?: string; ids?: string }
export interface Facets { clients: string[]; categories: string[] }
export interface StatusChange { status: Status; at: string; detail?: string }
export interface Alternative { value: string; confidence: number }
export interface LabelDecision {
  value?: string | null; confidence: number; tier: Tier; alternatives?: Alternative[]; titans?: string[]; reason?: string | null;
}
export interface Evidence { label: string; example: string; value: string; similarity: number }
export interface TitanVote {
  titanId: string; label: string; value?: string | null; confidence: number; modelVersion?: string; weight: number; agreed: boolean;
}
export interface SlaRisk { atRisk: boolean; dueAt?: string | null; expectedHandlingMinutes: number; basis: string }
/** A similar past ticket (context memory): on the decision and from GET /tickets/{id}/similar. */
export interface SimilarTicket {
  ticketId: string; excerpt?: string; labels?: Record<string, string>; resolution?: string | null; client?: string;
  category?: string; status?: string; resolvedAt?: string; score?: number; similarity?: number; matchedTerms?: string[];
  why?: { vector?: number; keyword?: number; recency?: number; similarity?: number; matchedTerms?: string[] };
}
export interface Decision {
  id: string; ticketVersion: number; decidedAt: string; coldStart: boolean; labels: Record<string, LabelDecision>;
  evidence?: Evidence[]; titans?: TitanVote[]; modelVersions?: Record<string, string>; slaRisk?: SlaRisk;
  feedback?: Record<string, string>; similarTickets?: SimilarTicket[];
}
export interface Ticket extends TicketSummary {
  version: number; body?: string; requester?: string; createdAt?: string; history: StatusChange[]; decision?: Decision | null;
}
export interface FeedbackReceipt { ticketId: string; confirmed: Record<string, boolean>; retrainingScheduled: boolean }
export interface ModelInfo { label: string; version: string; trainedAt: string; trainingSize: number; values: string[] }
export interface ModelsOverview { models: ModelInfo[]; examples: number; training: boolean; trainingsCompleted: number; lastTrainingError?: string }
export interface Confirmation {
  ticketId: string; title: string; client?: string; priority?: string; receivedAt: string; decisionId: string;
  decidedAt: string; slaAtRisk: boolean; labels: Record<string, LabelDecision>;
}
export interface ConfirmationPage { items: Confirmation[]; page: number; size: number; total: number }
export interface Reviewed { approved: string[]; rejected: string[]; skipped: string[]; retrainingScheduled: boolean }
export interface Insights {
  days: number; from: string; to: string; volume: { day: string; received: number }[];
  tiers: Record<string, Partial<Record<Tier, number>>>;
  accuracy: Record<string, { confirmed: number; corrected: number; rejected: number; accuracy?: number | null }>;
  timeToTriage: { count: number; p50Ms?: number | null; p95Ms?: number | null; buckets: { leSeconds?: number | null; count: number }[] };
  sla: { atRisk: number; onTrack: number; untriaged: number };
  titans: { titanId: string; votes: number; agreed: number }[];
  cost: { titanId: string; model: string; calls: number; inputTokens: number; outputTokens: number; costUsd: number }[];
}
export interface Connection {
  id: string; platform: string; createdAt: string; webhookPath: string; hasSigningSecret: boolean; organizationId?: string;
  baseUrl?: string; username?: string; hasSecret: boolean; company?: string; clientId?: string; hasIntegrationCode: boolean;
  pollIntervalSeconds: number; pollCursor?: string; lastPollAt?: string; lastPollError?: string;
}
export interface HistoryJob {
  id: string; format: string; status: string; bytes: number; rowsRead: number; accepted: number; rejected: number;
  rejects: { line: number; reason: string }[]; error?: string; createdAt: string; finishedAt?: string;
}
export interface Reliability { lower: number; upper: number; count: number; meanConfidence: number; accuracy: number }
export interface Evaluation {
  label: string; folds: number; size: number; accuracy: number; macroF1: number; ece: number; reliability: Reliability[];
  perValue: Record<string, { support: number; precision: number; recall: number; f1: number }>;
  tiers: Partial<Record<Tier, { count: number; coverage: number; precision: number }>>;
}
export interface User { id: string; email: string; role: string; createdAt: string }
export interface TicketEvent { id: string; status: Status; accepted: boolean; at: string }
export interface OidcInfo { enabled: boolean; provider?: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, readonly title: string, readonly detail: string,
              readonly errors: Record<string, string> = {}) {
    super(detail || title);
  }
}

let csrf: string | undefined;

export function setCsrf(token: string | undefined): void {
  csrf = token;
}

function problem(status: number, statusText: string, text: string): ApiError {
  let json: { type?: string; title?: string; detail?: string; errors?: Record<string, string> } | undefined;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return new ApiError(status, String(json?.type ?? '').split('/').pop() ?? '', json?.title ?? statusText,
    json?.detail ?? '', json?.errors ?? {});
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch('/api/' + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw problem(res.status, res.statusText, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

const q = (params: Record<string, string | number | undefined>) => Object.entries(params)
  .filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
const id = (s: string) => encodeURIComponent(s);

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
function upload<T>(path: string, file: Blob, contentType: string, progress: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/api/' + path);
    x.setRequestHeader('Content-Type', contentType);
    x.setRequestHeader('Accept', 'application/json');
    if (csrf) x.setRequestHeader('X-CSRF-Token', csrf);
    x.upload.onprogress = (e) => progress(e.loaded, e.lengthComputable ? e.total : file.size);
    x.onload = () => (x.status >= 200 && x.status < 300 ? resolve(JSON.parse(x.responseText) as T)
      : reject(problem(x.status, x.statusText, x.responseText)));
    x.onerror = () => reject(new ApiError(0, 'network', 'Upload failed', 'The connection to OMEGA broke during the upload'));
    x.send(file);
  });
}

export const api = {
  me: () => call<Me>('GET', 'v1/auth/me'),
  login: (tenant: string, email: string, password: string) => call<Me>('POST', 'v1/auth/login', { tenant, email, password }),
  logout: () => call<void>('POST', 'v1/auth/logout'),
  oidc: () => call<OidcInfo>('GET', 'v1/auth/oidc'),
  tickets: (f: TicketFilter, page: number, size: number) => call<TicketPage>('GET', `v1/tickets?${q({ ...f, page, size })}`),
  facets: () => call<Facets>('GET', 'v1/tickets/facets'),
  ticket: (t: string) => call<Ticket>('GET', 'v1/tickets/' + id(t)),
  similar: (t: string) => call<{ ticketId: string; items: SimilarTicket[] }>('GET', `v1/tickets/${id(t)}/similar?limit=5`),
  feedback: (t: string, labels: Record<string, string>) => call<FeedbackReceipt>('POST', `v1/tickets/${id(t)}/feedback`, { labels }),
  models: () => call<ModelsOverview>('GET', 'v1/models'),
  evaluate: (folds: number) => call<Evaluation[]>('POST', 'v1/models/evaluate', { folds }),
  confirmations: (page: number, size: number) => call<ConfirmationPage>('GET', `v1/confirmations?${q({ page, size })}`),
  review: (approve: string[], reject: string[]) => call<Reviewed>('POST', 'v1/confirmations', { approve, reject }),
  insights: (days: number) => call<Insights>('GET', `v1/insights?days=${days}`),
  connections: (tenant: string) => call<{ items: Connection[] }>('GET', `v1/tenants/${id(tenant)}/connections`),
  connect: (tenant: string, body: Record<string, string | number>) =>
    call<{ connection: Connection; webhookToken: string }>('POST', `v1/tenants/${id(tenant)}/connections`, body),
  disconnect: (tenant: string, platform: string) => call<void>('DELETE', `v1/tenants/${id(tenant)}/connections/${id(platform)}`),
  importHistory: (file: Blob, contentType: string, mapping: Record<string, string>, progress: (sent: number, total: number) => void) =>
    upload<HistoryJob>(`v1/history${Object.keys(mapping).length ? '?' + q(mapping) : ''}`, file, contentType, progress),
  historyJob: (job: string) => call<HistoryJob>('GET', 'v1/history/' + id(job)),
  users: () => call<User[]>('GET', 'v1/users'),
  createUser: (email: string, role: string, password: string) => call<User>('POST', 'v1/users', { email, role, password }),
};

// The dashboard's only way to the server: same-origin fetch with the session cookie, the CSRF token on every
// state-changing call, and problem+json errors turned into ApiError.
export interface Me { tenant: string; method: string; userId?: string; email?: string; role?: string; csrfToken?: string }
export type Status = 'RECEIVED' | 'QUEUED_FOR_TRIAGE' | 'TRIAGED';
export const STATUSES: Status[] = ['RECEIVED', 'QUEUED_FOR_TRIAGE', 'TRIAGED'];
export interface TicketSummary {
  id: string; source: string; externalId: string; title: string; client: string; priority?: string;
  category?: string; status: Status; receivedAt: string; updatedAt: string;
}
export interface TicketPage { items: TicketSummary[]; page: number; size: number; total: number }
export interface StatusChange { status: Status; at: string; detail?: string }
export interface Ticket extends TicketSummary {
  version: number; body?: string; requester: string; createdAt?: string; history: StatusChange[];
}
export interface User { id: string; email: string; role: string; createdAt: string }
export interface TicketEvent { id: string; status: Status; accepted: boolean; at: string }

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

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch('/api/' + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    throw new ApiError(res.status, String(json?.type ?? '').split('/').pop() ?? '', json?.title ?? res.statusText,
      json?.detail ?? '', json?.errors ?? {});
  }
  return json as T;
}

export const api = {
  me: () => call<Me>('GET', 'v1/auth/me'),
  login: (tenant: string, email: string, password: string) => call<Me>('POST', 'v1/auth/login', { tenant, email, password }),
  logout: () => call<void>('POST', 'v1/auth/logout'),
  tickets: (status: string, page: number, size: number) =>
    call<TicketPage>('GET', `v1/tickets?page=${page}&size=${size}${status ? '&status=' + encodeURIComponent(status) : ''}`),
  ticket: (id: string) => call<Ticket>('GET', 'v1/tickets/' + encodeURIComponent(id)),
  users: () => call<User[]>('GET', 'v1/users'),
  createUser: (email: string, role: string, password: string) => call<User>('POST', 'v1/users', { email, role, password }),
};

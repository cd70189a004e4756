// One EventSource per signed-in page: ticket changes of this tenant, pushed by the server (no polling).
import type { TicketEvent } from './api';

type Listener = (e: TicketEvent) => void;
const listeners = new Set<Listener>();
const reconnectListeners = new Set<() => void>();
let source: EventSource | undefined;
let opened = false;

export function connectLive(): void {
  if (source) return;
  source = new EventSource('/api/v1/tickets/events');
  source.addEventListener('ready', () => {
    // after a reconnect, events may have been missed: views reload what they show
    if (opened) reconnectListeners.forEach((l) => l());
    opened = true;
    document.body.dataset.live = 'open';
  });
  source.addEventListener('ticket', (m) => {
    const e = JSON.parse((m as MessageEvent).data) as TicketEvent;
    listeners.forEach((l) => l(e));
  });
  source.onerror = () => { document.body.dataset.live = 'reconnecting'; };
}

export function disconnectLive(): void {
  source?.close();
  source = undefined;
  opened = false;
  listeners.clear();
  reconnectListeners.clear();
  delete document.body.dataset.live;
}

/** Subscribes until the returned function is called (views call it when they are left). */
export function onTicket(l: Listener, onReconnect?: () => void): () => void {
  listeners.add(l);
  if (onReconnect) reconnectListeners.add(onReconnect);
  return () => { listeners.delete(l); if (onReconnect) reconnectListeners.delete(onReconnect); };
}

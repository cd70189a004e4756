import type { Me } from '../api';

/** What a view gets: its <main>, who is signed in, and a way to register a key handler and clean-up. */
export interface ViewContext {
  main: HTMLElement;
  me: Me;
  params: string[];
  onKey(handler: (e: KeyboardEvent) => boolean): void;
  onLeave(cleanup: () => void): void;
}

export type View = (ctx: ViewContext) => void | Promise<void>;

/** The page heading; focused on every navigation so screen readers and keyboards start at the top. */
export function heading(text: string): HTMLHeadingElement {
  const h1 = document.createElement('h1');
  h1.tabIndex = -1;
  h1.textContent = text;
  return h1;
}

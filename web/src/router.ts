// web/src/router.ts: client-side routing on the History API. The server answers index.html for
// any non-API path, so every route below can be reloaded or bookmarked. Routes:
//   /sign-in  /  /caseload  /fidelity  /studies  /people/:id  /people/:id/:tab
//   /directory  /directory/review  /directory/new  /directory/:id  /directory/:id/edit
//   (anything else: not found)
import { useEffect, useState } from 'preact/hooks';

export const PERSON_TABS = ['overview', 'network', 'goals', 'community', 'questionnaires', 'fidelity'] as const;
export type PersonTab = (typeof PERSON_TABS)[number];

export type Route =
  | { name: 'sign-in'; next: string | null }
  | { name: 'home' }
  | { name: 'caseload' }
  | { name: 'fidelity' }
  | { name: 'studies' }
  | { name: 'person'; id: string; tab: PersonTab }
  | { name: 'directory' }
  | { name: 'directory-review' }
  | { name: 'directory-resource'; id: string }
  | { name: 'directory-edit'; id: string | null }
  | { name: 'not-found'; path: string };

function isTab(s: string): s is PersonTab {
  return (PERSON_TABS as readonly string[]).includes(s);
}

/** Only same-site paths are accepted as a "next" page, never another origin. */
export function safeNext(next: string | null): string | null {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'sign-in' && parts.length === 1) {
    return { name: 'sign-in', next: safeNext(new URLSearchParams(search).get('next')) };
  }
  if (first === 'caseload' && parts.length === 1) return { name: 'caseload' };
  if (first === 'directory') {
    if (parts.length === 1) return { name: 'directory' };
    if (second === 'review' && parts.length === 2) return { name: 'directory-review' };
    if (second === 'new' && parts.length === 2) return { name: 'directory-edit', id: null };
    if (second !== undefined && /^[1-9][0-9]*$/.test(second)) {
      if (parts.length === 2) return { name: 'directory-resource', id: second };
      if (third === 'edit' && parts.length === 3) return { name: 'directory-edit', id: second };
    }
  }
  if (first === 'fidelity' && parts.length === 1) return { name: 'fidelity' };
  if (first === 'studies' && parts.length === 1) return { name: 'studies' };
  if (first === 'people' && second !== undefined && parts.length <= 3) {
    const tab = third ?? 'overview';
    if (isTab(tab)) return { name: 'person', id: second, tab };
  }
  return { name: 'not-found', path: pathname };
}

export function directoryPath(id: string, edit = false): string {
  return `/directory/${encodeURIComponent(id)}${edit ? '/edit' : ''}`;
}

export function personPath(id: string, tab: PersonTab = 'overview'): string {
  const base = `/people/${encodeURIComponent(id)}`;
  return tab === 'overview' ? base : `${base}/${tab}`;
}

const CHANGE = 'cp:navigate';
/** True once the app has navigated at least once; used to move focus only after navigation. */
let navigated = false;

export function hasNavigated(): boolean {
  return navigated;
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (path !== current) {
    if (opts.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  navigated = true;
  window.dispatchEvent(new Event(CHANGE));
}

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

/** The current route; re-renders on navigate() and on the browser's back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const update = (): void => setRoute(currentRoute());
    const onPop = (): void => {
      navigated = true;
      update();
    };
    window.addEventListener(CHANGE, update);
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener(CHANGE, update);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return route;
}

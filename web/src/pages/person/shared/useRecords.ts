// web/src/pages/person/shared/useRecords.ts: loads one list of records for a section of a tab
// and reloads it on demand. Each section loads on its own, so one failing list (or one the
// server does not offer yet) does not blank the others.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api/http';
import { errorText } from '../../../components/ErrorMessage';

/** The person's page is open, so a 404 on one of its lists means this server does not offer that part. */
export function sectionError(e: unknown): string {
  if (e instanceof ApiError && e.status === 404) return 'This part of the record is not available on this server yet.';
  return errorText(e);
}

export interface Records<T> {
  items: T[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useRecords<T>(load: () => Promise<T[]>, deps: readonly unknown[]): Records<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async (): Promise<void> => {
    try {
      setItems(await load());
      setError(null);
    } catch (e) {
      setError(sectionError(e));
    }
  }, deps);
  useEffect(() => {
    setItems(null);
    void reload();
  }, [reload]);
  return { items, error, reload };
}

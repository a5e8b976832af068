// web/src/api/decode.ts: small, forgiving readers for JSON from the server. The API may add
// fields (ignored) or leave optional ones out (read as null and shown as "—"); a missing
// required field is a DecodeError, reported to the user as an unexpected answer.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, where: string): JsonObject {
  if (!isObject(v)) throw new DecodeError(`${where}: expected an object`);
  return v;
}

export function arr(v: unknown, where: string): Json[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new DecodeError(`${where}: expected a list`);
  return v as Json[];
}

/** Ids may come as numbers or strings; the front end keeps them as strings. */
export function id(v: unknown, where: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v !== '') return v;
  throw new DecodeError(`${where}: expected an id`);
}

export function optId(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v !== '') return v;
  return null;
}

export function str(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  throw new DecodeError(`${where}: expected text`);
}

export function optStr(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export function optNum(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

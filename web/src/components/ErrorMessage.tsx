// web/src/components/ErrorMessage.tsx: an error box that is read out as soon as it appears
// (role="alert"). Always rendered, so that the live region exists before the text arrives.
import { ApiError } from '../api/http';
import { DecodeError } from '../api/decode';

/** Plain-English text for anything a request can throw. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof DecodeError) return 'The server sent an answer we did not expect. Please try again, or tell your administrator.';
  return 'Something went wrong. Please try again.';
}

export function ErrorMessage({ error, id }: { error: string | null; id?: string }) {
  return (
    <div role="alert" class={error ? 'message message-error' : 'message-empty'} {...(id ? { id } : {})}>
      {error ? <p>{error}</p> : null}
    </div>
  );
}

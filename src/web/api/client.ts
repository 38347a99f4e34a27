/** One problem with one input field, as the API reports it. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** An error answer of the API: `{"error":{"code","message","details":{"issues":[…]}}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];
  /** The error's other details (e.g. the inconsistent pair of a refused AHP matrix). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: Issue[],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

export const SIGNED_OUT_EVENT = 'sextant:signed-out';

function csrfToken(): string {
  const m = /(?:^|;\s*)sextant_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    details?: ({ issues?: Issue[] } & Record<string, unknown>) | null;
  };
}

async function failure(res: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // not JSON: fall through to the status text
  }
  const e = body.error;
  return new ApiError(
    res.status,
    e?.code ?? 'http_error',
    e?.message ?? `${res.status} ${res.statusText}`,
    e?.details?.issues ?? [],
    e?.details ?? {},
  );
}

export interface SendOptions {
  /** The row's version, sent as If-Match so a stale edit is refused (412) instead of overwriting. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** Calls the API on the same origin with the session cookie (and the CSRF header on writes). */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: SendOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!res.ok) {
    const err = await failure(res);
    if (res.status === 401 && !path.endsWith('/auth/login'))
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const apiGet = <T>(path: string, signal?: AbortSignal) =>
  request<T>('GET', path, undefined, { signal });

/** The message of the issue about `field` (first path element), if the API reported one. */
export function issueFor(err: unknown, field: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  return err.issues.find((i) => String(i.path[0]) === field)?.message;
}

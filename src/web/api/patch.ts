import { apiGet, request } from './client.ts';
import type { Row } from './types.ts';

interface OpenApiDoc {
  paths: Record<
    string,
    { patch?: { requestBody?: { content?: { 'application/json'?: { schema?: { properties?: object } } } } } }
  >;
}

let updatable: Promise<Map<string, string[]>> | null = null;

/** entity → the fields its PATCH accepts, read once from the server's own OpenAPI document. */
function updatableFields(): Promise<Map<string, string[]>> {
  updatable ??= apiGet<OpenApiDoc>('/api/v1/openapi.json').then((doc) => {
    const map = new Map<string, string[]>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const m = /^\/api\/v1\/([a-z-]+)\/\{id\}$/.exec(path);
      const props = item.patch?.requestBody?.content?.['application/json']?.schema?.properties;
      if (m && props) map.set(m[1], Object.keys(props));
    }
    return map;
  });
  return updatable;
}

/**
 * PATCHes one row with If-Match. The body carries every field the update accepts, taken from the row
 * as loaded, with `patch` on top: the server's update schemas currently fill omitted fields with
 * their create defaults (zod 4 applies defaults inside .partial()), so a partial body would reset
 * them. Sending the whole editable row is correct either way.
 */
export async function patchRow<T extends Row>(entity: string, row: T, patch: Partial<T>): Promise<T> {
  let fields: string[] | undefined;
  try {
    fields = (await updatableFields()).get(entity);
  } catch {
    updatable = null;
  }
  const source = row as unknown as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of fields ?? []) if (key in source) body[key] = source[key];
  Object.assign(body, patch);
  return request<T>('PATCH', `/api/v1/${entity}/${row.id}`, body, { ifMatch: row.version });
}

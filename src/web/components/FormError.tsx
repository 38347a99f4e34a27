import { ApiError } from '../api/client.ts';

/**
 * The error of a form submission. Field-level problems are shown beside their fields; this lists the
 * message and any issue no field on the form claims.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const unclaimed =
    error instanceof ApiError ? error.issues.filter((i) => !fields.includes(String(i.path[0]))) : [];
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
      {unclaimed.length > 0 && (
        <ul>
          {unclaimed.map((i) => (
            <li key={`${i.path.join('.')}:${i.message}`}>
              {i.path.length ? `${i.path.join('.')}: ` : ''}
              {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, issueFor, request } from '../api/client.ts';
import type { Comment, CommentSubject } from '../api/collaboration.ts';
import { useSession } from '../auth/SessionContext.ts';
import { fmtDateTime } from '../format/format.ts';
import { describedBy, Field } from './Field.tsx';
import { FormError } from './FormError.tsx';
import { QueryState } from './QueryState.tsx';

/**
 * The discussion on one subject: comments oldest first, a markdown composer with @email mentions
 * (mentioned members are notified), and watching so new comments notify you.
 */
export function CommentThread({
  subjectType,
  subjectId,
}: {
  subjectType: CommentSubject;
  subjectId: string;
}) {
  const { can } = useSession();
  const qc = useQueryClient();
  const key = ['comments', subjectType, subjectId];
  const [body, setBody] = useState('');
  const comments = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      apiGet<{ items: Comment[] }>(
        `/api/v1/comments?subjectType=${subjectType}&subjectId=${subjectId}`,
        signal,
      ).then((r) => r.items),
  });
  const post = useMutation({
    mutationFn: () => request<Comment>('POST', '/api/v1/comments', { subjectType, subjectId, body }),
    onSuccess: () => {
      setBody('');
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const watch = useMutation({
    mutationFn: (watching: boolean) =>
      request('PUT', '/api/v1/watching', { subjectType, subjectId, watching }),
  });
  const id = `comment-${subjectId}`;
  const bodyError = issueFor(post.error, 'body');
  return (
    <section className="comments" aria-label="Comments">
      <h3 className="small">Comments</h3>
      <QueryState query={comments} label="comments">
        {(items) =>
          items.length === 0 ? (
            <p className="muted small">No comments yet.</p>
          ) : (
            <ol className="plain-list comment-list">
              {items.map((c) => (
                <li key={c.id} className="comment">
                  <div className="muted small">
                    {c.authorName}, {fmtDateTime(c.createdAt)}
                    {c.edits.length > 0 ? ' (edited)' : ''}
                  </div>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders and sanitizes comment markdown (sanitize-html, no raw HTML, http(s)/mailto links only) */}
                  <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      {can('comment.write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post.mutate();
          }}
        >
          <Field
            id={id}
            label="Add a comment"
            hint="Markdown; mention a colleague with @their-email"
            error={bodyError}
          >
            <textarea
              id={id}
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={bodyError ? true : undefined}
              aria-describedby={describedBy(id, bodyError, 'hint')}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={post.isPending}>
              Comment
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => watch.mutate(true)}>
              {watch.isSuccess && watch.variables ? 'Watching' : 'Watch'}
            </button>
            {watch.isSuccess && watch.variables && (
              <button type="button" className="btn btn-ghost btn-small" onClick={() => watch.mutate(false)}>
                Stop watching
              </button>
            )}
          </div>
          <FormError error={post.error} fields={['body']} />
        </form>
      )}
    </section>
  );
}

import { fmtNumber } from '../../format/format.ts';
import { Link } from '../../router/Link.tsx';

/**
 * Previous / next links between pages of the roadmap. Links rather than buttons: they work from the
 * keyboard, open in a new tab and keep the page in the URL, so the back button and reloads return to it.
 */
export function RoadmapPager({
  page,
  pageCount,
  summary,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  summary: string;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav className="pager" aria-label="Roadmap pages">
      <span className="muted small" data-testid="roadmap-page-summary">
        {summary}
      </span>
      {pageCount > 1 && (
        <>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)} rel="prev">
              ← Previous page
            </Link>
          ) : (
            <span className="muted" aria-hidden="true">
              ← Previous page
            </span>
          )}
          <span className="small">
            Page {fmtNumber(page)} of {fmtNumber(pageCount)}
          </span>
          {page < pageCount ? (
            <Link to={hrefFor(page + 1)} rel="next">
              Next page →
            </Link>
          ) : (
            <span className="muted" aria-hidden="true">
              Next page →
            </span>
          )}
        </>
      )}
    </nav>
  );
}

/** "Items 101–200 of 10,734" (or "7 items" when one page holds them all). */
export function rowsSummary(offset: number, shown: number, total: number, noun = 'items'): string {
  if (shown === total && offset === 0) return `${fmtNumber(total)} ${noun}`;
  if (shown === 0) return `No ${noun} on this page (${fmtNumber(total)} in all)`;
  return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${fmtNumber(offset + 1)}–${fmtNumber(offset + shown)} of ${fmtNumber(total)}`;
}

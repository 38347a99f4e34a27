/** `@name@example.com` anywhere except inside a word (so a plain address like a@b.com is not a mention). */
const MENTION = /(?:^|[^\w.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** The distinct email addresses mentioned in a comment, lower-cased, in order of first mention. */
export function mentionedEmails(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(MENTION)) out.add(m[1]!.toLowerCase());
  return [...out];
}

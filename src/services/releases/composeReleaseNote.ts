/** The first paragraph of a markdown spec, flattened to one line (headings and blank lines skipped). */
export function firstParagraph(spec: string): string {
  const lines: string[] = [];
  for (const raw of spec.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line);
  }
  return lines.join(' ');
}

export interface DraftInput {
  release: { name: string; plannedDate: string | null };
  product: { name: string };
  features: { title: string; spec: string }[];
  /** For a segment variant: the segment and the value proposition to lead with. */
  segment?: { name: string; valueProposition: string };
}

/**
 * The markdown draft of a release note: the release's shipped features (title and the first paragraph of
 * the spec); a segment variant opens with that segment's value proposition.
 */
export function composeReleaseNote(input: DraftInput): string {
  const out: string[] = [`# ${input.product.name} ${input.release.name}`, ''];
  if (input.segment) {
    const vp = input.segment.valueProposition.trim();
    out.push(
      `**For ${input.segment.name}:** ${vp || `what this release brings to ${input.segment.name}.`}`,
      '',
    );
  }
  if (input.features.length === 0) {
    out.push('_No shipped features are linked to this release yet._');
  } else {
    out.push("## What's new", '');
    for (const f of input.features) {
      const summary = firstParagraph(f.spec);
      out.push(summary ? `- **${f.title}** — ${summary}` : `- **${f.title}**`);
    }
  }
  return `${out.join('\n')}\n`;
}

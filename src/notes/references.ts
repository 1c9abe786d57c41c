/** An issue or pull request reference, as GitHub links them in text. */
export interface IssueReference {
  /** `owner/repo` for another repository; null for this one. */
  readonly repository: string | null
  readonly number: string
}

// GitHub's own forms: `#12` and `owner/repo#12`. Owners are letters, digits and `-`;
// repositories add `_` and `.`.
const FORM = String.raw`(?:([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9_.-]+))?#(\d+)`
// Not inside a word, a path or a URL: `issue#6`, `x/#7` and `https://host/o/r#5` are left
// alone, as GitHub leaves them.
const IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}_.\/#-])${FORM}(?![\p{L}\p{N}_])`, 'gu')
const WHOLE = new RegExp(`^${FORM}$`)

/** Reads `#12` or `owner/repo#12`; null for any other form (the parser is more liberal). */
export function parseReference(text: string): IssueReference | null {
  const match = WHOLE.exec(text)
  return match ? { repository: match[1] ?? null, number: match[2]! } : null
}

/** Every reference written in a text, with where it stands. */
export function findReferences(text: string): { readonly text: string; readonly index: number }[] {
  return [...text.matchAll(IN_TEXT)].map((m) => ({ text: m[0], index: m.index }))
}

/**
 * GitHub refuses what is too long (a comment over 65,536 characters is a 422, a job summary
 * over 1 MiB is not uploaded), and one commit header can be megabytes. So every rendering
 * keeps within its medium's limit by characters, not by counting items.
 */

/** GitHub's limit for an issue or pull-request comment, in characters. */
export const COMMENT_LIMIT = 65_536
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1_048_576
/** Room for an annotation's message: GitHub shows a few kilobytes and cuts the rest. */
export const ANNOTATION_LIMIT = 4_000
/** Room for a commit header or a title quoted in a list, a table or a sentence. */
export const QUOTE_LIMIT = 200

/** The text, or its first `max` characters and an ellipsis. */
export function clip(text: string, max: number = QUOTE_LIMIT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * The text whole if it fits in `max` characters; else cut at a line, with a last line that
 * says how much was left out and where to find it.
 */
export function fitText(text: string, max: number, elsewhere: string): string {
  if (text.length <= max) return text
  const note = (left: number) => `\n\n_… ${left.toLocaleString('en-US')} more characters not shown here: ${elsewhere}._\n`
  const room = max - note(text.length).length
  const cut = text.lastIndexOf('\n', room)
  const kept = text.slice(0, cut > room / 2 ? cut : room)
  return `${kept}${note(text.length - kept.length)}`
}

/** The same for a limit in UTF-8 bytes (the job summary's). */
export function fitBytes(text: string, maxBytes: number, elsewhere: string): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  // A character is at most 4 bytes in UTF-8: a quarter of the limit in characters always fits;
  // more than that is found by cutting down until it does.
  let max = Math.min(text.length, maxBytes)
  let fitted = fitText(text, max, elsewhere)
  while (Buffer.byteLength(fitted, 'utf8') > maxBytes && max > maxBytes / 4) {
    max = Math.floor(max * 0.9)
    fitted = fitText(text, max, elsewhere)
  }
  return fitted
}

/**
 * The Node.js lines the CLI runs on: the maintained ones. Node.js 20 reached its end of life
 * in April 2026, and parts of what verso is built on (the commit parser, path globbing)
 * need 22 or later there.
 */
export const OLDEST_NODE = 22

/** A one-line refusal for a Node.js the CLI does not run on, or null when it does. */
export function unsupportedNode(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (Number.isInteger(major) && major >= OLDEST_NODE) return null
  return `verso needs Node.js ${OLDEST_NODE} or later, and this is Node.js ${version.replace(/^v/, '')}: install Node.js 24 (LTS) or ${OLDEST_NODE}.`
}

/**
 * The Node.js lines the CLI runs on: the maintained ones, from the first release of each
 * where what verso is built on is there and stable. Node.js 20 reached its end of life in
 * April 2026; before 22.17, `path.matchesGlob` is missing (before 22.5) or prints an
 * ExperimentalWarning on every run.
 */
export const OLDEST_NODE = { major: 22, minor: 17 } as const

/** A one-line refusal for a Node.js the CLI does not run on, or null when it does. */
export function unsupportedNode(version: string): string | null {
  const m = /^v?(\d+)\.(\d+)\./.exec(version)
  const [major, minor] = m ? [Number(m[1]), Number(m[2])] : [0, 0]
  if (major > OLDEST_NODE.major || (major === OLDEST_NODE.major && minor >= OLDEST_NODE.minor)) return null
  const oldest = `${OLDEST_NODE.major}.${OLDEST_NODE.minor}`
  return `verso needs Node.js ${oldest} or later, and this is Node.js ${version.replace(/^v/, '')}: install Node.js 24 (LTS), or ${OLDEST_NODE.major} from ${oldest} on.`
}

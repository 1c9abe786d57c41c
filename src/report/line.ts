import { describeNotReleasing, type ReleaseLine } from '../run/line.js'

/**
 * The branch's line in one sentence, when it is worth saying: a channel, a range, or a
 * branch that never releases. The plain stable line of the default branch says nothing.
 */
export function describeLine(line: ReleaseLine): string | null {
  if (line.status.kind === 'unmatched') return `${describeNotReleasing(line)}`
  if (line.range === null && line.prerelease === null) return null
  const where = line.branch === null ? 'this run' : line.branch
  const entry = line.pattern !== null && line.pattern !== line.branch ? ` (entry \`${line.pattern}\`)` : ''
  const channel =
    line.prerelease === null
      ? null
      : `prereleases on channel \`${line.prerelease}\`${line.prereleaseFromInput ? ' (the `prerelease` input)' : ''}`
  const range = line.range === null ? null : `only versions in ${line.range}`
  const kind = line.range !== null && line.prerelease === null ? 'a maintenance line' : 'a release line'
  return `${where}${entry} is ${kind}: ${[channel, range].filter(Boolean).join(', ')}`
}

/** The line as `--json` prints it. */
export function lineJson(line: ReleaseLine) {
  return {
    branch: line.branch,
    entry: line.pattern,
    prerelease: line.prerelease,
    range: line.range,
    releases: line.status.kind === 'releases',
    why: describeNotReleasing(line)
  }
}

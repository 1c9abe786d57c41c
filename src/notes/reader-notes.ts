import type { PlanReason } from '../run/release-plan.js'

/**
 * Most of a plan's reasons explain the version to whoever runs verso ("calendar moved from
 * 2024.01 to 2024.02"). A few change what a reader of the release should expect; those are
 * said again in a reader's words, and the rest are left to the job summary and the dry run.
 */
function sayToReader(reason: PlanReason): string | null {
  switch (reason.kind) {
    case 'forced':
      return `Released as a ${reason.bump} release by request.`
    case 'raised-by-image':
      return `Released as a ${reason.to} release because versioned data formats changed.`
    case 'dependency':
      return `Released because ${reason.dependencies.join(', ')}, which this package depends on, ${reason.dependencies.length === 1 ? 'was' : 'were'} released.`
    case 'held-by-major-zero':
      return 'The major version is 0, so breaking changes bump the minor version (SemVer §4).'
    case 'calver':
      return reason.reason.kind === 'breaking-not-shown'
        ? 'This release has breaking changes, and its calendar version cannot show them: read the breaking changes before upgrading.'
        : null
    case 'first-release':
    case 'tags-not-read':
    case 'prerelease-covers':
    case 'prerelease-passed':
    case 'release-date':
    case 'finishing':
    case 'proposed':
    case 'linked':
    case 'not-semver':
      return null
  }
}

/** The reasons that matter to a reader, as sentences for them, each once. */
export function selectReaderNotes(reasons: readonly PlanReason[]): string[] {
  return [...new Set(reasons.flatMap((reason) => sayToReader(reason) ?? []))]
}

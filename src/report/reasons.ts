import type { PlanReason } from '../run/release-plan.js'
import { describeCalverReason } from './calver-reasons.js'

/** A plan's reason as the sentence the plan, the summary and `--json` show to whoever runs verso. */
export function describeReason(reason: PlanReason): string {
  switch (reason.kind) {
    case 'forced':
      return `bump forced to ${reason.bump} by the \`bump\` input (the commits call for ${reason.commits === 'none' ? 'no release' : reason.commits})`
    case 'raised-by-image':
      return `raised from ${reason.from} to ${reason.to} by the release-image check: ${reason.why.join('; ')}`
    case 'held-by-major-zero':
      return 'major is 0, so a breaking change bumps the minor (SemVer §4); set `major-zero-breaking: major` or force `bump: major` to release 1.0.0'
    case 'first-release':
      return `first release: initial-version ${reason.initialVersion}`
    case 'prerelease-covers':
      return `${reason.base} already aims at ${reason.aim}, which covers this ${reason.bump}`
    case 'prerelease-passed':
      return `${reason.released} is released already (from another branch), so this channel aims past it, at ${reason.aim}: merge the released branch into this one to include its changes`
    case 'finishing':
      return `finishing the release of ${reason.tag}, tagged by an earlier run`
    case 'proposed':
      return `${reason.tag}, as the merged release pull request named it (proposed with a forced bump, or on an earlier date)`
    case 'release-date':
      return `dated ${reason.date}: the release instant ${reason.instant} in ${reason.zone} (calver-timezone)`
    case 'dependency':
      return `released for its dependencies: ${reason.dependencies.join(', ')} release${reason.dependencies.length === 1 ? 's' : ''} in this run (a patch at least)`
    case 'linked':
      return `linked with ${reason.group.join(', ')}: the group releases ${reason.version}, the highest of its versions`
    case 'tags-not-read': {
      const some = `${reason.examples.join(', ')}${reason.count > reason.examples.length ? ', …' : ''}`
      const fixes = [
        ...reason.prefixes.map((prefix) => `\`tag-prefix: ${prefix === '' ? "''" : prefix}\``),
        ...(reason.calendar ? ['`scheme: calver` with its `calver-format`'] : [])
      ]
      return `no release tag was read, but ${reason.count} tag${reason.count === 1 ? '' : 's'} look${reason.count === 1 ? 's' : ''} like a version (${some}): set ${fixes.join(' or ')} to build on ${reason.count === 1 ? 'it' : 'them'}`
    }
    case 'not-semver':
      return `${reason.version} is not a SemVer version: do not hand it to tools that expect one`
    case 'calver':
      return describeCalverReason(reason.reason)
    default:
      return unreachable(reason)
  }
}

function unreachable(value: never): never {
  throw new Error(`describeReason: unexpected reason ${JSON.stringify(value)}`)
}

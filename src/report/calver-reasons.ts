import type { CounterToken } from '../versions/calver/format.js'
import type { CalverBreakingNotShown, CalverFormatOrigin, CalverReason } from '../versions/calver/reasons.js'

/**
 * One reason behind a CalVer version as a sentence for release notes and dry runs:
 * "same period 2024.02 as 2024.02.1: MINOR moves from 1 to 2; MICRO restarts at 0".
 */
export function describeCalverReason(reason: CalverReason): string {
  switch (reason.kind) {
    case 'first-release':
      return (
        `no previous release: the calendar part is today's period ${reason.period}` +
        (reason.counters.length === 0 ? '' : `, ${describeRestart(reason.counters, 'start')}`)
      )
    case 'date-held':
      return `calver-date is major: the calendar part ${reason.period} is the current API's birth date and stays until a breaking change`
    case 'breaking-moves-date':
      return 'a breaking change moves the calendar part to today (calver-date: major)'
    case 'period-moved':
      return (
        `calendar moved from ${reason.from} to ${reason.to}` +
        (reason.counters.length === 0 ? '' : `: ${describeRestart(reason.counters, 'restart')}`)
      )
    case 'counter-moved':
      return (
        `same period ${reason.period} as ${reason.previous}: ${reason.counter} moves from ${reason.from} to ${reason.to}` +
        (reason.resets.length === 0 ? '' : `; ${describeRestart(reason.resets, 'restart')}`)
      )
    case 'counter-fallback':
      return `a ${reason.bump} change goes to ${reason.counter}: calver-format ${reason.format} has no ${reason.wanted}`
    case 'prerelease-next':
      return `${reason.previous} was ${reason.id}.${reason.from} of ${reason.base}: this is ${reason.id}.${reason.to}`
    case 'prerelease-switch':
      return `${reason.previous} was ${reason.previousId} of ${reason.base}: this is ${reason.id}.${reason.number}`
    case 'prerelease-final':
      return `${reason.previous} was a prerelease of ${reason.base}: this is its final release`
    case 'prerelease-start':
      return `a prerelease: ${reason.id}.${reason.number} of ${reason.base}`
    case 'prerelease-period':
      return `calver-final is prerelease-period: the release keeps the period ${reason.period} of its prerelease ${reason.prerelease}`
    case 'post-release':
      return `bump: post releases ${reason.previous} again, as its post-release ${reason.number}`
    case 'tag-taken':
      return (
        `${describeList(reason.taken)} ${reason.taken.length === 1 ? 'is' : 'are'} tagged already, outside this history ` +
        `(a withdrawn or unmerged release): the next free version is ${reason.next}`
      )
    case 'format-origin':
      return describeOrigin(reason)
    case 'breaking-not-shown':
      return describeBreakingNotShown(reason)
    default:
      return unknownReason(reason)
  }
}

function describeBreakingNotShown(reason: CalverBreakingNotShown): string {
  switch (reason.why) {
    case 'calendar-bump':
      return 'a breaking change has no slot in a calendar version (calver-bump: calendar): call it out in the release notes'
    case 'no-major':
      return `a breaking change has no slot in calver-format ${reason.format} (no MAJOR): call it out in the release notes`
    case 'same-period':
      return (
        'a breaking change would move the calendar part to today, ' +
        `but today is still in ${reason.period}: the counters carry it, so call it out in the release notes`
      )
  }
}

function describeOrigin(origin: CalverFormatOrigin): string {
  const settings = origin.settings.map(({ name, value }) => `${name}: ${value}`)
  const restarts = origin.restarts.length
    ? `; bumpver's ${describeList(origin.restarts)} ${origin.restarts.length === 1 ? 'counts' : 'count'} on across periods, ` +
      'MICRO restarts at 0 in each new one'
    : ''
  return (
    `calver-format ${origin.format}${settings.length ? ` (with ${settings.join(', ')})` : ''} ` +
    `from bumpver's version_pattern ${origin.pattern} in ${origin.file}${restarts}`
  )
}

// "MICRO restarts at 0", "MINOR and MICRO restart at 0": the verb agrees with the counters.
function describeRestart(counters: readonly CounterToken[], verb: 'start' | 'restart'): string {
  return `${describeCounters(counters)} ${counters.length > 1 ? verb : `${verb}s`} at 0`
}

function describeCounters(counters: readonly CounterToken[]): string {
  return describeList(counters)
}

function describeList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

// Reached only if a reason kind is added without a sentence; the type check catches that first.
function unknownReason(reason: never): never {
  throw new Error(`describeCalverReason: no sentence for ${JSON.stringify(reason)}`)
}

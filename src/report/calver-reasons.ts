import type { CounterToken } from '../versions/calver/format.js'
import type { CalverBreakingNotShown, CalverReason } from '../versions/calver/next.js'

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
      return `${reason.previous} was ${reason.previousId} of ${reason.base}: this is ${reason.id}.0`
    case 'prerelease-final':
      return `${reason.previous} was a prerelease of ${reason.base}: this is its final release`
    case 'prerelease-start':
      return `a prerelease: ${reason.id}.0 of ${reason.base}`
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

// "MICRO restarts at 0", "MINOR and MICRO restart at 0": the verb agrees with the counters.
function describeRestart(counters: readonly CounterToken[], verb: 'start' | 'restart'): string {
  return `${describeCounters(counters)} ${counters.length > 1 ? verb : `${verb}s`} at 0`
}

function describeCounters(counters: readonly CounterToken[]): string {
  return counters.length <= 1 ? counters.join('') : `${counters.slice(0, -1).join(', ')} and ${counters.at(-1)}`
}

// Reached only if a reason kind is added without a sentence; the type check catches that first.
function unknownReason(reason: never): never {
  throw new Error(`describeCalverReason: no sentence for ${JSON.stringify(reason)}`)
}

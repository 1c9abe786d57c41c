import type { Bump } from '../../commits/bump.js'
import type { CounterToken } from './format.js'

// The reasons behind a next CalVer version, as data: next.ts decides them, report/ renders them.

/**
 * Where a calver-format came from when none was given: another tool's setting, such as
 * bumpver's `version_pattern`, and the settings it decided besides the format.
 */
export interface CalverFormatOrigin {
  /** The file it was read from (`pyproject.toml`). */
  readonly file: string
  /** The setting as written there (`YYYY.BUILD[-TAG]`). */
  readonly pattern: string
  /** The calver-format it comes to (`YYYY.MICRO-MODIFIER`). */
  readonly format: string
  /** Other settings it decided, where none were given (`version-style: pep440`, `tag-prefix: ''`). */
  readonly settings: readonly { readonly name: string; readonly value: string }[]
  /** bumpver parts verso writes differently: `BUILD` counts on across periods, verso's MICRO restarts at 0. */
  readonly restarts: readonly string[]
}

/** What a next version changed relative to the previous one, for the plan's reasons. */
export type CalverChange =
  | { readonly kind: 'first' }
  | { readonly kind: 'period'; readonly from: string; readonly to: string }
  | { readonly kind: 'counter'; readonly counter: CounterToken }
  | { readonly kind: 'final' }
  | { readonly kind: 'modifier'; readonly id: string }
  | { readonly kind: 'post' }

/**
 * A breaking change released in a version that cannot show it, so the release notes must
 * call it out. One kind, whatever the cause, so that readers need to look for one only.
 */
export type CalverBreakingNotShown =
  /** calver-bump `calendar`: only the calendar moves the counters. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'calendar-bump' }
  /** The format (its text) has no MAJOR for the change to bump. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'no-major'; readonly format: string }
  /** calver-date `major`: the calendar part would move, but today is still in its period. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'same-period'; readonly period: string }

/**
 * One step of the reasoning behind a next version, as data for whoever explains it.
 * Periods and versions are given as written (`2024.02`, `2024.02.1`), counters in format order.
 */
export type CalverReason =
  /** No previous release: the calendar part is today's period and the counters start at 0. */
  | { readonly kind: 'first-release'; readonly period: string; readonly counters: readonly CounterToken[] }
  /** calver-date `major` without a breaking change: the calendar part stays. */
  | { readonly kind: 'date-held'; readonly period: string }
  /** calver-date `major`: a breaking change moves the calendar part to today. */
  | { readonly kind: 'breaking-moves-date' }
  /** A new period, in which the counters restart at 0. */
  | { readonly kind: 'period-moved'; readonly from: string; readonly to: string; readonly counters: readonly CounterToken[] }
  /** The same period as the previous release: one counter moves, the ones after it restart at 0. */
  | {
      readonly kind: 'counter-moved'
      readonly period: string
      readonly previous: string
      readonly counter: CounterToken
      readonly from: number
      readonly to: number
      readonly resets: readonly CounterToken[]
    }
  /** The bump's own counter is not in the format, so the change goes to another one. */
  | {
      readonly kind: 'counter-fallback'
      readonly bump: Exclude<Bump, 'none' | 'major'>
      readonly wanted: CounterToken
      readonly counter: CounterToken
      readonly format: string
    }
  /** Another prerelease of the same id as the previous one (`base` is the version it leads to). */
  | {
      readonly kind: 'prerelease-next'
      readonly previous: string
      readonly base: string
      readonly id: string
      readonly from: number
      readonly to: number
    }
  /** A prerelease of another stage (`id`) than the previous one (`previousId`); a new id starts at `number` (0 or 1). */
  | {
      readonly kind: 'prerelease-switch'
      readonly previous: string
      readonly base: string
      readonly previousId: string
      readonly id: string
      readonly number: number
    }
  /** The final release of the previous prerelease. */
  | { readonly kind: 'prerelease-final'; readonly previous: string; readonly base: string }
  /** A prerelease, the first `number` (0 or 1) of the id, of the version that would be released without one. */
  | { readonly kind: 'prerelease-start'; readonly id: string; readonly number: number; readonly base: string }
  /** calver-final `prerelease-period`: the release keeps the period its prerelease was made in, not today's. */
  | { readonly kind: 'prerelease-period'; readonly prerelease: string; readonly period: string }
  /** A PEP 440 post-release (`bump: post`): the last release made again, with post number `number`. */
  | { readonly kind: 'post-release'; readonly previous: string; readonly number: number }
  /** The versions this one would have been are tagged already, outside this history (withdrawn, unmerged): the next free one. */
  | { readonly kind: 'tag-taken'; readonly taken: readonly string[]; readonly next: string }
  /** No calver-format was given: it was read from another tool's setting. */
  | ({ readonly kind: 'format-origin' } & CalverFormatOrigin)
  | CalverBreakingNotShown

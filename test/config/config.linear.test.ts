import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveConfig, suggestOption, type Config, type RawOptions } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

/** The config, or the problems it has: a config that is wrong says so, and is no slower for it. */
function resolve(options: RawOptions): Config | readonly string[] {
  try {
    return resolveConfig(options)
  } catch (error) {
    if (error instanceof VersoError) return error.details
    throw error
  }
}

// Lists, globs, addresses and rules: the separators and brackets each of them reads.
const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '\n', '\r', '{', '}', '@', '<', '>', '.', '/', '*', 'a', '1']
const WORDS = [...UNITS, 'main', 'release/*', '{a,b}', './.github/workflows/', 'feat: minor', 'YYYY', '.0M', '-MODIFIER', '@{', 'x@y']
const OPTIONS = [
  'release-branches',
  'types',
  'schemas',
  'dispatch-workflows',
  'git-user-email',
  'git-user-name',
  'tag-prefix',
  'release-rules',
  'prerelease',
  'initial-version',
  'calver-format'
] as const

describe('resolveConfig reads in linear time', () => {
  it('any value of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTIONS), hostile(UNITS, WORDS), (name, text) => {
        const options: RawOptions = name === 'calver-format' ? { scheme: 'calver', [name]: text } : { [name]: text }
        expect(timed(BOUND_MS, () => resolve(options)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => suggestOption(text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a list of a hundred thousand commas, and a megabyte of them', () => {
    for (const text of [','.repeat(100_000), `main${','.repeat(MEGABYTE)}`, `{${','.repeat(MEGABYTE)}`, 'a,'.repeat(MEGABYTE / 2)]) {
      const { ms, value } = timed(MEGABYTE_MS, () => resolve({ 'release-branches': text }))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      const policy = 'release' in value ? value.release.policy : null
      expect(policy?.kind === 'rules' ? policy.rules.length : 0).toBeLessThanOrEqual(MEGABYTE / 2)
    }
  })

  it('a list whose commas are in braces keeps them in its globs', () => {
    const text = `${'{a,b}'.repeat(MEGABYTE / 5)},main`
    const { ms, value } = timed(MEGABYTE_MS, () => resolve({ 'release-branches': text }))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    const policy = 'release' in value ? value.release.policy : null
    expect(policy?.kind === 'rules' && policy.rules.map((r) => r.pattern)).toEqual([`${'{a,b}'.repeat(MEGABYTE / 5)}`, 'main'])
  })

  it('a megabyte of an address, a name, a prefix, rules and a CalVer format, each problem told', () => {
    const cases: RawOptions[] = [
      { 'git-user-email': `${'a@'.repeat(MEGABYTE / 2)}<` },
      { 'git-user-email': `${'@'.repeat(MEGABYTE)} x` },
      { 'git-user-name': `${'a'.repeat(MEGABYTE)}<` },
      { 'tag-prefix': `${'/'.repeat(MEGABYTE)}` },
      { 'release-rules': `${'#'.repeat(MEGABYTE)}\rx` },
      { scheme: 'calver', 'calver-format': `${'YYYY.'.repeat(MEGABYTE / 5)}YYYY` }
    ]
    for (const options of cases) {
      const { ms, value } = timed(MEGABYTE_MS, () => resolve(options))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value).toEqual([expect.any(String)])
    }
  })

  it('a megabyte of an unknown key, with no suggestion', () => {
    const { ms, value } = timed(MEGABYTE_MS, () => suggestOption(`release-branches${'x'.repeat(MEGABYTE)}`))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(value).toBe('')
  })
})

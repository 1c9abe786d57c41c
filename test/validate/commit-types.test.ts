import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES, matchType, measureDistance, normalizeTypes } from '../../src/validate/commit-types.js'

describe('matchType', () => {
  it.each([
    ['feat', 'feat', 'exact'],
    ['FEAT', 'feat', 'exact'],
    ['feature', 'feat', 'alias'],
    ['Features', 'feat', 'alias'],
    ['bugfix', 'fix', 'alias'],
    ['fixes', 'fix', 'alias'],
    ['doc', 'docs', 'alias'],
    ['chroe', 'chore', 'close'],
    ['fxi', 'fix', 'close'],
    ['refact', 'refactor', 'close'],
    ['tset', 'test', 'close'],
    ['buidl', 'build', 'close'],
    ['refactr', 'refactor', 'close'],
    ['reverts', 'revert', 'alias'],
    ['perfs', 'perf', 'close']
  ])('%s → %s (%s)', (word, type, how) => {
    expect(matchType(word, DEFAULT_TYPES)).toEqual({ type, how })
  })

  it.each(['cd', 'wip', 'update', 'x', '', 'release', 'deps'])('%j has no close type', (word) => {
    expect(matchType(word, DEFAULT_TYPES)).toBeNull()
  })

  it('picks the first type of the list on a tie', () => {
    expect(matchType('fet', ['feat', 'fest'])).toEqual({ type: 'feat', how: 'close' })
    expect(matchType('fet', ['fest', 'feat'])).toEqual({ type: 'fest', how: 'close' })
  })
})

describe('measureDistance', () => {
  it.each([
    ['', '', 0],
    ['fix', 'fix', 0],
    ['fix', 'fxi', 1],
    ['chore', 'chroe', 1],
    ['feat', 'feature', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3]
  ])('%j → %j is %d', (a, b, d) => {
    expect(measureDistance(a, b)).toBe(d)
    expect(measureDistance(b, a)).toBe(d)
  })

  it('stops at the limit', () => {
    expect(measureDistance('feat', 'documentation', 2)).toBe(3)
    expect(measureDistance('abcdef', 'uvwxyz', 1)).toBe(2)
  })
})

describe('normalizeTypes', () => {
  it('lower-cases, trims and drops duplicates and blanks', () => {
    expect(normalizeTypes(['Feat', ' fix ', 'FEAT', ''])).toEqual(['feat', 'fix'])
  })

  it('has the Conventional Commits / Angular list by default', () => {
    expect(DEFAULT_TYPES).toEqual(['feat', 'fix', 'docs', 'style', 'refactor', 'perf', 'test', 'build', 'ci', 'chore', 'revert'])
    expect(Object.isFrozen(DEFAULT_TYPES)).toBe(true)
  })
})

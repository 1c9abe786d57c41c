import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, indexRules, parseReleaseRules, type ReleaseRule } from '../../src/commits/rules.js'

const findRule = (rules: readonly ReleaseRule[], type: string, scope: string | null) => indexRules(rules)(type, scope)

describe('release rules', () => {
  it('defaults: feat minor, fix and perf patch, everything else nothing', () => {
    expect(findRule(DEFAULT_RULES, 'feat', null)?.bump).toBe('minor')
    expect(findRule(DEFAULT_RULES, 'fix', 'x')?.bump).toBe('patch')
    expect(findRule(DEFAULT_RULES, 'perf', null)?.bump).toBe('patch')
    expect(findRule(DEFAULT_RULES, 'docs', null)).toBeNull()
  })

  it('merges given rules over the defaults; a scoped rule wins over its type', () => {
    const { rules, errors } = parseReleaseRules('docs(readme): patch\nrefactor: patch\n# comment\n\nfeat(experimental): none\nfix: minor')
    expect(errors).toEqual([])
    expect(findRule(rules, 'docs', 'readme')?.bump).toBe('patch')
    expect(findRule(rules, 'docs', 'api')).toBeNull()
    expect(findRule(rules, 'refactor', null)?.bump).toBe('patch')
    expect(findRule(rules, 'feat', 'experimental')?.bump).toBe('none')
    expect(findRule(rules, 'feat', 'core')?.bump).toBe('minor')
    expect(findRule(rules, 'FIX', null)?.text).toBe('fix: minor')
  })

  it('names every invalid line', () => {
    const { errors } = parseReleaseRules('docs: patch\nfeat => minor\nfix: huge\n(x): patch')
    expect(errors).toHaveLength(3)
    expect(errors[0]).toContain('line 2')
    expect(errors[1]).toContain('line 3')
    expect(errors[2]).toContain('line 4')
  })
})

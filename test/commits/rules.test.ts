import { describe, expect, it } from 'vitest'
import { analyzeCommits, parseCommit } from '../../src/commits/analyze.js'
import type { Bump } from '../../src/commits/bump.js'
import { DEFAULT_RULES, indexRules, parseReleaseRules, type ReleaseRule } from '../../src/commits/rules.js'
import { describeCommitCause } from '../../src/report/commit-causes.js'

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

/** Decides commits (newest first, each made by the real parser) under these release rules. */
function decide(rulesText: string, ...messages: string[]) {
  const { rules, errors } = parseReleaseRules(rulesText)
  expect(errors).toEqual([])
  const commits = messages.map((message, i) => parseCommit({ sha: String(i).repeat(40), parents: [], message }))
  return analyzeCommits(commits, rules)
}

describe('the wildcard rule `*: bump`', () => {
  // Precedence: the type and scope's rule, then the type's (given or default), then `*`.
  const rules = 'docs(readme): none\ndocs: minor\nfeat(experimental): none\n*: patch'
  it.each<[string, string | null, string | null]>([
    ['chore', null, '*: patch'],
    ['chore', 'deps', '*: patch'],
    ['CI', null, '*: patch'],
    ['docs', 'readme', 'docs(readme): none'],
    ['docs', 'api', 'docs: minor'],
    ['docs', null, 'docs: minor'],
    ['feat', 'experimental', 'feat(experimental): none'],
    ['feat', 'core', 'feat: minor'],
    ['fix', null, 'fix: patch'],
    ['perf', 'db', 'perf: patch'],
    // A `revert:` commit has a meaning without a rule, as the defaults do.
    ['revert', null, null]
  ])('%s(%s) is decided by `%s`', (type, scope, text) => {
    expect(findRule(parseReleaseRules(rules).rules, type, scope)?.text ?? null).toBe(text)
  })

  it.each([
    ['*: patch', 'patch'],
    ['*:none', 'none'],
    [' * : Minor ', 'minor'],
    ['*: major # everything counts', 'major']
  ])('`%s` is the default of every other type: %s', (text, bump) => {
    const { rules, errors } = parseReleaseRules(text)
    expect(errors).toEqual([])
    expect(rules.filter((r) => r.type === '*')).toEqual([{ type: '*', scope: null, bump, text: `*: ${bump}`, origin: 'release-rules' }])
    expect(findRule(rules, 'chore', 'x')?.bump).toBe(bump)
    expect(findRule(rules, 'feat', null)?.text).toBe('feat: minor')
  })

  it('the last wildcard given wins, as for any rule given twice', () => {
    expect(findRule(parseReleaseRules('*: minor\n*: none').rules, 'chore', null)?.text).toBe('*: none')
  })

  it.each([
    ['*(api): patch', 'the wildcard `*` stands for every type and scope, and takes no scope; write `*: patch`.'],
    ['*(*): patch', 'A scope is matched exactly'],
    ['**: patch', 'or `*` for every other type'],
    ['feat*: patch', 'or `*` for every other type'],
    ['*: huge', 'is not `type[(scope)]: major|minor|patch|none`']
  ])('refuses `%s`', (text, message) => {
    const { errors } = parseReleaseRules(text)
    expect(errors).toEqual([expect.stringContaining('release-rules line 1:')])
    expect(errors[0]).toContain(message)
  })

  it.each<[string, string, Bump, string]>([
    ['a type without a rule', 'chore: bump deps', 'patch', 'release-rules `*: patch`'],
    ['a scoped type without a rule', 'build(ci): cache', 'patch', 'release-rules `*: patch`'],
    ['its own rule', 'docs: typo', 'none', 'release-rules `docs: none`'],
    ['the default rule', 'feat: x', 'minor', 'default rule `feat: minor`'],
    ['a breaking change, still major', 'chore!: drop node 20', 'major', 'breaking change (`!` in the header): major'],
    ['a breaking footer, still major', 'chore: x\n\nBREAKING CHANGE: y', 'major', 'breaking change (`BREAKING CHANGE:` footer): major'],
    ['a revert naming no commit, still a patch', 'revert: undo x', 'patch', 'a revert of something released before: patch'],
    ['a commit that is not conventional, not typed', 'Update file', 'none', 'not a Conventional Commit']
  ])('with `*: patch`, %s', (_, message, bump, reason) => {
    const [decision] = decide('*: patch\ndocs: none', message).decisions
    expect(decision!.bump).toBe(bump)
    expect(describeCommitCause(decision!.cause)).toContain(reason)
  })

  it('`*: none` keeps the defaults and the given rules', () => {
    expect(decide('*: none\ndocs: patch', 'chore: x', 'test: y').bump).toBe('none')
    expect(decide('*: none\ndocs: patch', 'chore: x', 'docs: y').bump).toBe('patch')
    expect(decide('*: none', 'chore: x', 'fix: y').bump).toBe('patch')
    expect(decide('*: none', 'chore: x', 'feat: y').bump).toBe('minor')
    const [decision] = decide('*: none', 'chore: x').decisions
    expect(decision).toMatchObject({ status: 'no-release', bump: 'none' })
    expect(describeCommitCause(decision!.cause)).toBe('release-rules `*: none`')
  })
})

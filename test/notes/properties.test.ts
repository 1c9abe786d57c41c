import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderNotes } from '../../src/notes/release-notes.js'
import { makePlan, RELEASED_SHA, REPOSITORY_URL, shaOf, type CommitSpec } from './plans.js'

// A commit is written from a few choices; a revert names an earlier commit (or one
// released before), so reverted pairs, reverts of reverts and lone reverts all occur.
type Draft =
  | {
      readonly kind: 'conventional'
      readonly type: string
      readonly scope: string | null
      readonly bang: boolean
      readonly footer: boolean
      readonly subject: string
      readonly merge: boolean
    }
  | { readonly kind: 'git-revert' | 'revert-type'; readonly target: number }
  | { readonly kind: 'unconventional'; readonly merge: boolean }

const draft: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('conventional' as const),
      type: fc.constantFrom('feat', 'fix', 'perf', 'docs', 'chore', 'refactor', 'revert', 'zap'),
      scope: fc.constantFrom(null, 'api', 'cli'),
      bang: fc.nat({ max: 9 }).map((n) => n < 2),
      footer: fc.boolean(),
      // Few subjects, so identical headers happen.
      subject: fc.constantFrom('add x', 'read tags', 'drop y (#4)', 'drop y', 'speed up z'),
      merge: fc.boolean()
    })
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('git-revert' as const, 'revert-type' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unconventional' as const), merge: fc.boolean() }) }
)

const rules = fc.subarray(['docs: patch', 'chore: none', 'refactor: minor', 'feat(cli): none', 'zap: patch', 'revert: none'])

/** Messages oldest first; a revert's target is taken modulo the commits before it. */
function writeCommits(drafts: readonly Draft[]): CommitSpec[] {
  const headers: string[] = []
  return drafts.map((d, i) => {
    let spec: CommitSpec
    if (d.kind === 'conventional') {
      const header = `${d.type}${d.scope ? `(${d.scope})` : ''}${d.bang ? '!' : ''}: ${d.subject}`
      spec = { message: d.footer ? `${header}\n\nBREAKING CHANGE: ${d.subject} changed\n` : header, merge: d.merge }
    } else if (d.kind === 'unconventional') {
      spec = d.merge ? { message: 'Merge pull request #1 from a/b', merge: true } : { message: 'Update stuff' }
    } else {
      const target = i === 0 ? null : d.target % (i + 1)
      const sha = target === null || target === i ? RELEASED_SHA : shaOf(target + 1)
      const header = target === null || target === i ? 'feat: old' : headers[target]!
      spec = {
        message:
          d.kind === 'git-revert'
            ? `Revert "${header}"\n\nThis reverts commit ${sha}.\n`
            : `revert: ${header}\n\nRefs: ${sha.slice(0, 7)}\n`
      }
    }
    headers.push(spec.message.split('\n')[0]!)
    return spec
  })
}

const count = (text: string, part: string): number => text.split(part).length - 1

describe('renderNotes, for any history', () => {
  it('lists every counted commit exactly once, and no other', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 25 }), rules, fc.boolean(), (drafts, ruleLines, linked) => {
        const plan = makePlan({ commits: writeCommits(drafts), options: { 'release-rules': ruleLines.join('\n') } })
        const notes = renderNotes(plan, { repositoryUrl: linked ? REPOSITORY_URL : null })
        if (plan.next === null) {
          expect(notes).toMatch(/^No release: [^\n]*\n$/)
          return
        }
        for (const commit of plan.commits) {
          const short = commit.sha.slice(0, 7)
          const shown = linked ? count(notes, `[${short}](${REPOSITORY_URL}/commit/${commit.sha})`) : count(notes, short)
          expect(shown, `${commit.status} ${commit.bump} ${commit.header}`).toBe(commit.status === 'counted' ? 1 : 0)
        }
      })
    )
  })

  it('writes a subject so that it reads as itself: every Markdown character escaped, nothing else changed', () => {
    const character = fc.constantFrom(...'ab _*[]()<>&;#~!\\|-+=.1:/@'.split(''))
    const subject = fc
      .array(character, { minLength: 1, maxLength: 30 })
      .map((cs) => cs.join('').trim())
      .filter((s) => s !== '')
    fc.assert(
      fc.property(subject, (text) => {
        const plan = makePlan({ commits: [`fix: ${text}`] })
        const notes = renderNotes(plan, { repositoryUrl: null })
        const line = notes.split('\n').find((l) => l.startsWith('- '))!
        const written = line.slice(2).replace(/ \(c000001\)(, refs .*)?$/, '')
        // Every escape is a backslash before ASCII punctuation (CommonMark §2.4).
        expect(written.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(text)
        // Nothing that opens emphasis, a link, HTML or strike-through is left bare.
        expect(written.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[*[\]<~\\]/)
      })
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RangeCommit } from '../../src/git/release-branch.js'
import { findMergedReleases, releaseSubjectTags } from '../../src/run/merged-release.js'

/** A commit of a synthetic range. */
function c(sha: string, parents: string[], subject = `feat: ${sha}`): RangeCommit {
  return { sha, parents, subject }
}

describe('releaseSubjectTags', () => {
  it('reads the tag of a release commit', () => {
    expect(releaseSubjectTags('chore(release): v1.3.0')).toEqual(['v1.3.0'])
  })

  it('drops the pull request number GitHub appends to a squash title', () => {
    expect(releaseSubjectTags('chore(release): v1.3.0 (#12)')).toEqual(['v1.3.0'])
  })

  it('reads every tag of a monorepo release', () => {
    expect(releaseSubjectTags('chore(release): api/v1.3.0, web/v2.0.0 (#12)')).toEqual(['api/v1.3.0', 'web/v2.0.0'])
    expect(releaseSubjectTags('chore(release): api/v1.3.0, web/v2.0.0')).toEqual(['api/v1.3.0', 'web/v2.0.0'])
  })

  it('ignores whitespace around the whole subject', () => {
    expect(releaseSubjectTags('  chore(release): v1.3.0  ')).toEqual(['v1.3.0'])
  })

  it('is null for subjects that are not release commits', () => {
    expect(releaseSubjectTags('chore(release) v1')).toBeNull()
    expect(releaseSubjectTags('chore(release): ')).toBeNull()
    expect(releaseSubjectTags('chore(release):')).toBeNull()
    expect(releaseSubjectTags('chore(release): v1.3.0 beta')).toBeNull()
    expect(releaseSubjectTags('chore(release): api/v1.3.0, web v2.0.0')).toBeNull()
    expect(releaseSubjectTags('chore(release): v1.3.0, , v1.4.0')).toBeNull()
    expect(releaseSubjectTags('chore(deps): v1.3.0')).toBeNull()
    expect(releaseSubjectTags('Revert "chore(release): v1.3.0"')).toBeNull()
    expect(releaseSubjectTags('feat: release v1.3.0')).toBeNull()
  })
})

describe('findMergedReleases', () => {
  it('finds a squash commit on the line, which is both where it landed and the release commit', () => {
    const range = [c('c3', ['c2']), c('c2', ['c1'], 'chore(release): v1.3.0 (#12)'), c('c1', ['c0'])]
    expect(findMergedReleases(range, 'c3')).toEqual([{ at: 'c2', commit: 'c2', tags: ['v1.3.0'] }])
  })

  it('finds a rebased release commit on the line', () => {
    const range = [c('c2', ['c1'], 'chore(release): v1.3.0'), c('c1', ['c0'])]
    expect(findMergedReleases(range, 'c2')).toEqual([{ at: 'c2', commit: 'c2', tags: ['v1.3.0'] }])
  })

  it('tags the merge commit when the release commit is its second parent', () => {
    const range = [
      c('m', ['b', 'r'], 'Merge pull request #12 from o/verso/release/main'),
      c('r', ['a'], 'chore(release): v1.3.0'),
      c('b', ['a']),
      c('a', [])
    ]
    expect(findMergedReleases(range, 'm')).toEqual([{ at: 'm', commit: 'r', tags: ['v1.3.0'] }])
  })

  it('tags the oldest line commit descending from a release commit merged through a feature branch', () => {
    // r was merged into the feature branch (fm), which was merged into the line (m), and a later
    // merge (m2) of the same feature branch also descends from r: m brought it.
    const range = [
      c('head', ['m2']),
      c('m2', ['d', 'f2'], 'Merge feature again'),
      c('f2', ['fm']),
      c('d', ['m']),
      c('m', ['b', 'fm'], 'Merge feature'),
      c('fm', ['f1', 'r'], 'Merge release into feature'),
      c('r', ['a'], 'chore(release): v1.3.0'),
      c('f1', ['a']),
      c('b', ['a']),
      c('a', [])
    ]
    expect(findMergedReleases(range, 'head')).toEqual([{ at: 'm', commit: 'r', tags: ['v1.3.0'] }])
  })

  it('returns several releases newest first by where they landed', () => {
    const range = [
      c('e', ['m']),
      c('m', ['d', 'r3'], 'Merge'),
      c('r3', ['c'], 'chore(release): v1.5.0'),
      c('d', ['c']),
      c('c', ['b'], 'chore(release): v1.4.0 (#20)'),
      c('b', ['a']),
      c('a', ['z'], 'chore(release): v1.3.0')
    ]
    expect(findMergedReleases(range, 'e')).toEqual([
      { at: 'm', commit: 'r3', tags: ['v1.5.0'] },
      { at: 'c', commit: 'c', tags: ['v1.4.0'] },
      { at: 'a', commit: 'a', tags: ['v1.3.0'] }
    ])
  })

  it('keeps one candidate per line commit: the newest release commit it brought', () => {
    const range = [
      c('m', ['b', 'r2'], 'Merge'),
      c('r2', ['r1'], 'chore(release): v1.4.0'),
      c('r1', ['a'], 'chore(release): v1.3.0'),
      c('b', ['a']),
      c('a', [])
    ]
    expect(findMergedReleases(range, 'm')).toEqual([{ at: 'm', commit: 'r2', tags: ['v1.4.0'] }])
  })

  it('skips subjects that are not release commits', () => {
    const range = [
      c('e', ['d'], 'chore(release) v1'),
      c('d', ['c'], 'chore(release): '),
      c('c', ['b'], 'chore(release): v1.3.0 beta'),
      c('b', ['a'], 'chore(release): v1.2.0 (#3) trailing'),
      c('a', [])
    ]
    expect(findMergedReleases(range, 'e')).toEqual([])
  })

  it('returns every tag of a monorepo release commit', () => {
    const range = [c('b', ['a'], 'chore(release): api/v1.3.0, web/v2.0.0 (#12)'), c('a', [])]
    expect(findMergedReleases(range, 'b')).toEqual([{ at: 'b', commit: 'b', tags: ['api/v1.3.0', 'web/v2.0.0'] }])
  })

  it('leaves out a release commit no line commit of the range descends from', () => {
    const range = [c('b', ['a']), c('x', ['a'], 'chore(release): v9.0.0'), c('a', [])]
    expect(findMergedReleases(range, 'b')).toEqual([])
  })

  it('leaves out a release commit only a commit off the line descends from', () => {
    const range = [c('m', ['b', 'f']), c('f', ['a']), c('b', ['a']), c('y', ['a'], 'chore(release): v9.0.0'), c('a', [])]
    expect(findMergedReleases(range, 'm')).toEqual([])
  })

  it('finds nothing when the head is not in the range', () => {
    const range = [c('b', ['a'], 'chore(release): v1.3.0'), c('a', [])]
    expect(findMergedReleases(range, 'elsewhere')).toEqual([])
  })

  it('finds nothing in an empty range', () => {
    expect(findMergedReleases([], 'head')).toEqual([])
  })

  it('stops the line at the edge of the range', () => {
    // `a` is the first parent of `b` but outside the range: its release is an earlier one.
    const range = [c('c', ['b']), c('b', ['a'], 'chore(release): v1.4.0')]
    expect(findMergedReleases(range, 'c')).toEqual([{ at: 'b', commit: 'b', tags: ['v1.4.0'] }])
  })

  it('is the release commit of a random linear history', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        ([n, at]) => {
          // Oldest first, then reversed: git log gives the newest first.
          const oldestFirst = Array.from({ length: n }, (_, i) =>
            c(`s${i}`, i === 0 ? [] : [`s${i - 1}`], i === at ? 'chore(release): v1.3.0 (#7)' : `fix: change ${i}`)
          )
          const range = oldestFirst.reverse()
          const found = findMergedReleases(range, `s${n - 1}`)
          expect(found).toEqual([{ at: `s${at}`, commit: `s${at}`, tags: ['v1.3.0'] }])
        }
      )
    )
  })

  it('tags the merge commit of a release commit on a random merged side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), fc.nat(), (lineLength, sideLength, pick) => {
        // line: l0 … l{lineLength-1}, then the merge `m` of side s0 … s{sideLength-1} forked from l0.
        const release = pick % sideLength
        const line = Array.from({ length: lineLength }, (_, i) => c(`l${i}`, i === 0 ? [] : [`l${i - 1}`]))
        const side = Array.from({ length: sideLength }, (_, i) =>
          c(`s${i}`, [i === 0 ? 'l0' : `s${i - 1}`], i === release ? 'chore(release): v2.0.0' : `feat: side ${i}`)
        )
        const merge = c('m', [`l${lineLength - 1}`, `s${sideLength - 1}`], 'Merge branch side')
        const after = c('n', ['m'])
        const range = [after, merge, ...side.reverse(), ...line.reverse()]
        expect(findMergedReleases(range, 'n')).toEqual([{ at: 'm', commit: `s${release}`, tags: ['v2.0.0'] }])
      })
    )
  })
})

import { describe, expect, it } from 'vitest'
import { renderRolledBackNote, withoutRolledBackNote, withRolledBackNote } from '../../src/notes/rolled-back.js'
import { renderRollbackSummary, renderRollbackText } from '../../src/report/rollback.js'
import { describeRollbackRefusal } from '../../src/run/rollback-refusals.js'
import type { ReleaseLink, RollbackOutcome, RollbackPlan, RollbackRefusal, RollbackRun } from '../../src/run/rollback.js'

const SHA = {
  target: 'c0ffee0000000000000000000000000000000001',
  old: 'beef000000000000000000000000000000000002'
}
const link = (tag: string): ReleaseLink => ({ tag, url: `https://github.com/o/r/releases/tag/${tag}` })

/** A rollback from v2.1.0 to v2.0.3, with v2 to move and two releases to mark. */
const plan: RollbackPlan = {
  target: { tag: 'v2.0.3', version: '2.0.3', sha: SHA.target, release: { id: 3, ...link('v2.0.3') } },
  latest: link('v2.1.0'),
  floating: [
    { tag: 'v2', release: 'v2.0.3', sha: SHA.target, seen: { ref: SHA.old, commit: SHA.old, release: 'v2.1.0' } },
    { tag: 'v2.0', release: 'v2.0.3', sha: SHA.target, seen: null }
  ],
  targetEdit: { kind: 'make-latest', body: null },
  newer: [link('v2.1.0'), link('v2.0.4')],
  mark: [
    { ...link('v2.1.0'), id: 5, body: 'marked' },
    { ...link('v2.0.4'), id: 4, body: 'marked' }
  ],
  clear: [{ ...link('v2.0.1'), id: 1, body: 'cleared' }]
}

const outcome: RollbackOutcome = {
  target: plan.target,
  floating: ['v2', 'v2.0'],
  madeLatest: true,
  marked: [link('v2.1.0'), link('v2.0.4')],
  cleared: [link('v2.0.1')],
  rolledBack: [link('v2.1.0'), link('v2.0.4')],
  changed: true
}

/** The same rollback run again: nothing left to do. */
const settled: RollbackPlan = { ...plan, latest: link('v2.0.3'), floating: [], targetEdit: null, mark: [], clear: [] }
const unchanged: RollbackOutcome = { ...outcome, floating: [], madeLatest: false, marked: [], cleared: [], changed: false }

const applied = (p: RollbackPlan, o: RollbackOutcome): RollbackRun => ({ kind: 'applied', plan: p, outcome: o })

describe('renderRolledBackNote', () => {
  it('is a GitHub warning alert that links the release that is latest again', () => {
    expect(renderRolledBackNote(link('v2.0.3'))).toBe(
      '> [!WARNING]\n> Rolled back: [v2.0.3](https://github.com/o/r/releases/tag/v2.0.3) is the latest release again. ' +
        'This release is kept, with its tag and assets.'
    )
  })

  it('keeps a tag that could end the link text inside it', () => {
    expect(renderRolledBackNote(link('v]1.0.0'))).toContain('[v\\]1.0.0](')
  })
})

describe('renderRollbackText', () => {
  it('a dry run lists each step, in the order it would be done', () => {
    expect(renderRollbackText({ kind: 'dry-run', plan })).toBe(
      [
        'Dry run: a rollback to v2.0.3 (c0ffee0) would',
        '  - move the floating tag v2 from v2.1.0 to v2.0.3 (c0ffee0)',
        '  - create the floating tag v2.0 at v2.0.3 (c0ffee0)',
        '  - mark the GitHub Release v2.0.3 latest (GitHub marks v2.1.0 latest now)',
        '  - mark rolled back, with a note at the top of each GitHub Release: v2.1.0, v2.0.4',
        '  - take the rolled-back note off: v2.0.1',
        ''
      ].join('\n')
    )
  })

  it('a dry run of a rollback already done says what holds', () => {
    expect(renderRollbackText({ kind: 'dry-run', plan: settled })).toBe(
      'Dry run: nothing would change. v2.0.3 (c0ffee0) is the latest release already, and every newer release is marked rolled back (v2.1.0, v2.0.4).\n'
    )
  })

  it('after a rollback: the release that is latest again, and those rolled back', () => {
    expect(renderRollbackText(applied(plan, outcome))).toBe(
      'v2.0.3 (c0ffee0) is the latest release again: https://github.com/o/r/releases/tag/v2.0.3\n' +
        'Rolled back (tags and assets kept): v2.1.0, v2.0.4.\n'
    )
  })

  it('after rolling forward to the newest release, none is rolled back', () => {
    expect(renderRollbackText(applied({ ...plan, newer: [] }, { ...outcome, rolledBack: [] }))).toContain(
      'No release is newer, so none is marked rolled back.'
    )
  })

  it('a second run says there was nothing to change', () => {
    expect(renderRollbackText(applied(settled, unchanged))).toBe(
      'Nothing to change: v2.0.3 (c0ffee0) is the latest release already, and every newer release is marked rolled back (v2.1.0, v2.0.4).\n'
    )
    expect(renderRollbackText(applied({ ...settled, newer: [] }, { ...unchanged, rolledBack: [] }))).toBe(
      'Nothing to change: v2.0.3 (c0ffee0) is the latest release already, and no release is newer.\n'
    )
  })
})

describe('renderRollbackSummary', () => {
  it('after a rollback: what moved, what was marked, with links', () => {
    expect(renderRollbackSummary(applied(plan, outcome))).toBe(
      [
        '## verso: rollback to `v2.0.3`',
        '',
        '[v2.0.3](https://github.com/o/r/releases/tag/v2.0.3) (`c0ffee0`) is the latest release again.',
        '',
        '- Moved the floating tags `v2`, `v2.0`.',
        '- Marked it latest on GitHub (it was [v2.1.0](https://github.com/o/r/releases/tag/v2.1.0)).',
        '- Marked rolled back: [v2.1.0](https://github.com/o/r/releases/tag/v2.1.0), [v2.0.4](https://github.com/o/r/releases/tag/v2.0.4).',
        '- Took the rolled-back note off: [v2.0.1](https://github.com/o/r/releases/tag/v2.0.1).',
        '',
        'Rolled back now: [v2.1.0](https://github.com/o/r/releases/tag/v2.1.0), [v2.0.4](https://github.com/o/r/releases/tag/v2.0.4).',
        '',
        '> Nothing was deleted: rolled-back releases keep their tags and assets. The next release still takes the next version above the highest tag.',
        ''
      ].join('\n')
    )
  })

  it('a dry run says nothing was changed, and what would be', () => {
    const summary = renderRollbackSummary({ kind: 'dry-run', plan })
    expect(summary).toContain('## verso: rollback to `v2.0.3` (dry run)')
    expect(summary).toContain('**Dry run**: nothing was pushed and no release was changed.')
    expect(summary).toContain('- move the floating tag `v2` from `v2.1.0` to `v2.0.3` (`c0ffee0`)')
  })

  it('a second run: nothing to change', () => {
    expect(renderRollbackSummary(applied(settled, unchanged))).toContain('Nothing to change: [v2.0.3](')
  })

  it('names twenty releases and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => link(`v3.0.${i}`))
    const text = renderRollbackText(applied({ ...plan, newer: many }, { ...outcome, rolledBack: many }))
    expect(text).toContain('v3.0.19 and 5 more.')
    expect(text).not.toContain('v3.0.20')
  })
})

describe('describeRollbackRefusal', () => {
  const cases: [RollbackRefusal, string, RegExp][] = [
    [
      { kind: 'not-a-version', given: '2.x', tagPrefix: 'v', scheme: { kind: 'semver' } },
      '`2.x` is not a version to roll back to: expected a SemVer version such as 2.0.3, or its tag v2.0.3.',
      /tag-prefix is `v`/
    ],
    [
      { kind: 'not-a-version', given: 'may', tagPrefix: '', scheme: { kind: 'calver', format: 'YYYY.0M.MICRO' } },
      '`may` is not a version to roll back to: expected a version in the format YYYY.0M.MICRO, with or without the tag prefix.',
      /tag-prefix is empty/
    ],
    [
      { kind: 'prerelease', tag: 'v2.0.3', by: 'release' },
      'The GitHub Release of v2.0.3 is marked a prerelease, and GitHub never marks a prerelease latest.',
      /untick "Set as a pre-release"/
    ],
    [
      { kind: 'no-tag', tag: 'v9.0.0', tagPrefix: 'v', nearest: [] },
      'There is no tag v9.0.0, so no release of it to roll back to.',
      /git fetch --tags/
    ],
    [
      { kind: 'no-api' },
      'A rollback needs the GitHub API, and no token was given: the latest release and the rolled-back notes are GitHub Releases.',
      /permissions: contents: write/
    ],
    [
      { kind: 'tag-differs', tag: 'v2.0.3', local: SHA.old, remote: SHA.target },
      'Tag v2.0.3 names beef000 here, but c0ffee0 on the remote.',
      /git fetch --tags --force origin/
    ]
  ]
  it.each(cases)('%j', (refusal, message, hint) => {
    const described = describeRollbackRefusal(refusal)
    expect(described.message).toEqual(message)
    expect(described.hint).toMatch(hint)
    expect(described.hint).toMatch(/Nothing was changed\.$/)
  })

  it('quotes at most a short, redacted excerpt of what was given', () => {
    const { message } = describeRollbackRefusal({
      kind: 'not-a-version',
      given: `ghp_${'a1'.repeat(20)} and a very long tail of text`,
      tagPrefix: 'v',
      scheme: { kind: 'semver' }
    })
    expect(message).not.toContain('ghp_')
    expect(message.startsWith('`[redacted]')).toBe(true)
  })
})

describe('the rolled-back note in a release body', () => {
  const target = link('v2.0.3')
  const note = renderRolledBackNote(target)

  it.each(['', 'Notes.', '## Features\n\n- a\n', 'Edited on github.com.\r\n\r\n- a\r\n'])(
    '%j: added first, then taken off, leaves it as it was',
    (body) => {
      const marked = withRolledBackNote(body, target)
      expect(marked.startsWith(`<!-- verso:rolled-back -->\n${note}\n<!-- /verso:rolled-back -->`)).toBe(true)
      expect(withRolledBackNote(marked, target)).toBe(marked)
      expect(withoutRolledBackNote(marked)).toBe(body)
      expect(withoutRolledBackNote(body)).toBe(body)
    }
  )

  it('replaces a note that names another release, and takes off every copy of one added by hand', () => {
    const other = link('v2.0.2')
    const twice = `${withRolledBackNote('', other)}\n\n${withRolledBackNote('Notes.', other)}`
    expect(withRolledBackNote(twice, target)).toBe(withRolledBackNote('Notes.', target))
    expect(withoutRolledBackNote(twice)).toBe('Notes.')
  })

  it('a start marker without its end is the release text: left as it is', () => {
    const broken = '<!-- verso:rolled-back -->\n> edited by hand\n\nNotes.'
    expect(withoutRolledBackNote(broken)).toBe(broken)
  })
})

import { describe, expect, it } from 'vitest'
import type { PullRequestInfo } from '../../src/github/api.js'
import {
  RELEASE_PR_MARKER,
  describeNothingLeft,
  describeReleasePullRequest,
  renderClosingComment,
  renderReleasePullRequestBody,
  type ReleasePullRequestView
} from '../../src/report/release-pr.js'
import type { ReleasePullRequestOutcome } from '../../src/run/release-pr.js'

function view(changes: Partial<ReleasePullRequestView> = {}): ReleasePullRequestView {
  return {
    base: 'main',
    branch: 'verso/release/main',
    releases: [{ name: '', tag: 'v1.3.0', bump: 'minor' }],
    summary: '## verso: v1.2.0 → v1.3.0\n\nA minor release.\n',
    notes: [{ name: '', notes: '## v1.3.0\n\n- a feature\n' }],
    ...changes
  }
}

const pullRequest: PullRequestInfo = {
  number: 42,
  title: 'chore(release): v1.3.0',
  body: '',
  url: 'https://github.com/o/r/pull/42',
  state: 'open',
  head: 'verso/release/main',
  base: 'main'
}

describe('renderReleasePullRequestBody', () => {
  it('starts with the marker', () => {
    const body = renderReleasePullRequestBody(view())
    expect(body.split('\n')[0]).toBe(RELEASE_PR_MARKER)
  })

  it('names the release, its bump and the branch it releases from', () => {
    const body = renderReleasePullRequestBody(view())
    expect(body).toContain(
      'Merging this pull request releases **v1.3.0** (minor) from `main`: verso then tags the merge commit and publishes the release. Any merge style works.'
    )
  })

  it('says the release branch is rewritten from the branch released', () => {
    const body = renderReleasePullRequestBody(view({ base: 'next', branch: 'verso/release/next' }))
    expect(body).toContain('each push to `next` rewrites `verso/release/next` from the new plan')
    expect(body).toContain('When nothing is left to release, it is closed.')
  })

  it('names each of several releases with its package, and speaks of releases', () => {
    const body = renderReleasePullRequestBody(
      view({
        releases: [
          { name: 'api', tag: 'api/v1.3.0', bump: 'minor' },
          { name: 'web', tag: 'web/v2.0.0', bump: 'major' },
          { name: 'cli', tag: 'cli/v0.4.1', bump: 'patch' }
        ]
      })
    )
    expect(body).toContain(
      'releases **api/v1.3.0** (api, minor), **web/v2.0.0** (web, major) and **cli/v0.4.1** (cli, patch) from `main`: verso then tags the merge commit and publishes the releases.'
    )
  })

  it('joins two releases with "and"', () => {
    const body = renderReleasePullRequestBody(
      view({
        releases: [
          { name: 'api', tag: 'api/v1.3.0', bump: 'minor' },
          { name: 'web', tag: 'web/v2.0.0', bump: 'major' }
        ]
      })
    )
    expect(body).toContain('releases **api/v1.3.0** (api, minor) and **web/v2.0.0** (web, major) from')
  })

  it('puts the notes in an open <details> block, named for a package', () => {
    const body = renderReleasePullRequestBody(
      view({
        notes: [
          { name: '', notes: '\n## v1.3.0\n\n- a feature\n\n' },
          { name: 'web', notes: '## web/v2.0.0\n\n- a break\n' }
        ]
      })
    )
    expect(body).toContain('<details open>\n<summary>Release notes</summary>\n\n## v1.3.0\n\n- a feature\n\n</details>\n')
    expect(body).toContain('<details open>\n<summary>Release notes of web</summary>\n\n## web/v2.0.0\n\n- a break\n\n</details>\n')
    expect(body.indexOf('Release notes</summary>')).toBeLessThan(body.indexOf('Release notes of web'))
  })

  it('leaves out empty notes', () => {
    const body = renderReleasePullRequestBody(
      view({
        notes: [
          { name: 'api', notes: '' },
          { name: 'web', notes: '  \n\n ' }
        ]
      })
    )
    expect(body).not.toContain('<details')
    expect(body).not.toContain('Release notes')
  })

  it("turns the summary's heading into a lower one, below the description's text", () => {
    const body = renderReleasePullRequestBody(view())
    expect(body).toContain('\n### verso: v1.2.0 → v1.3.0\n\nA minor release.\n')
    expect(body).not.toMatch(/^## verso/m)
    expect(body.indexOf('### verso')).toBeGreaterThan(body.indexOf('verso keeps it up to date'))
  })

  it('keeps a body that fits whole', () => {
    const body = renderReleasePullRequestBody(view())
    expect(body).not.toContain('not shown here')
    expect(body.endsWith('</details>\n')).toBe(true)
  })

  it('cuts a body far over 60,000 bytes to fit, with a note saying where the rest is', () => {
    const line = '- ünïcödé change with a long enough line of text — 日本語\n'
    const notes = line.repeat(5_000)
    expect(Buffer.byteLength(notes, 'utf8')).toBeGreaterThan(300_000)
    const body = renderReleasePullRequestBody(view({ notes: [{ name: '', notes }] }))
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(60_000)
    expect(Buffer.byteLength(body, 'utf8')).toBeGreaterThan(30_000)
    expect(body.startsWith(`${RELEASE_PR_MARKER}\n`)).toBe(true)
    expect(body).toMatch(/_… [\d,]+ more characters not shown here: the job summary of the run that wrote it has the rest\._\n$/)
  })
})

describe('describeNothingLeft', () => {
  it('says there are no commits since the last release', () => {
    expect(describeNothingLeft('main', { reason: 'no-commits', since: 'v1.3.0' })).toBe(
      'nothing on `main` is left to release (no commits since v1.3.0)'
    )
  })

  it('says there are no commits before the first release', () => {
    expect(describeNothingLeft('main', { reason: 'no-commits', since: null })).toBe('nothing on `main` is left to release (no commits)')
  })

  it('says none of the commits since the last release calls for one', () => {
    expect(describeNothingLeft('next', { reason: 'no-releasable-commits', since: 'api/v2.0.0' })).toBe(
      'nothing on `next` is left to release (none of the commits since api/v2.0.0 calls for a release)'
    )
  })

  it('says none of the commits calls for a release before the first one', () => {
    expect(describeNothingLeft('main', { reason: 'no-releasable-commits', since: null })).toBe(
      'nothing on `main` is left to release (none of the commits calls for a release)'
    )
  })
})

describe('renderClosingComment', () => {
  it('is marked, says why it closed and what opens the next one', () => {
    expect(renderClosingComment('main', { reason: 'no-releasable-commits', since: 'v1.3.0' })).toBe(
      `${RELEASE_PR_MARKER}\nverso closed this pull request: nothing on \`main\` is left to release (none of the commits since v1.3.0 calls for a release). ` +
        'The next push to `main` that has something to release opens a new one.\n'
    )
  })
})

describe('describeReleasePullRequest', () => {
  const commit = 'a'.repeat(40)
  const branch = 'verso/release/main'

  it('says it opened the pull request, linked in markdown', () => {
    const outcome: ReleasePullRequestOutcome = { kind: 'opened', pullRequest, branch, commit }
    expect(describeReleasePullRequest(outcome, 'main', true)).toBe(
      'Opened the release pull request [#42](https://github.com/o/r/pull/42), `chore(release): v1.3.0`: nothing is released until it is merged.'
    )
    expect(describeReleasePullRequest(outcome, 'main', false)).toBe(
      'Opened the release pull request #42 (https://github.com/o/r/pull/42), chore(release): v1.3.0: nothing is released until it is merged.'
    )
  })

  it('says it updated the pull request', () => {
    const outcome: ReleasePullRequestOutcome = { kind: 'updated', pullRequest, branch, commit }
    expect(describeReleasePullRequest(outcome, 'main', true)).toBe(
      'Updated the release pull request [#42](https://github.com/o/r/pull/42), `chore(release): v1.3.0`: nothing is released until it is merged.'
    )
    expect(describeReleasePullRequest(outcome, 'main', false)).toBe(
      'Updated the release pull request #42 (https://github.com/o/r/pull/42), chore(release): v1.3.0: nothing is released until it is merged.'
    )
  })

  it('says it left an unchanged pull request as it was', () => {
    const outcome: ReleasePullRequestOutcome = { kind: 'unchanged', pullRequest, branch, commit }
    expect(describeReleasePullRequest(outcome, 'main', true)).toBe(
      'Left as it was the release pull request [#42](https://github.com/o/r/pull/42), `chore(release): v1.3.0`: nothing is released until it is merged.'
    )
    expect(describeReleasePullRequest(outcome, 'main', false)).toBe(
      'Left as it was the release pull request #42 (https://github.com/o/r/pull/42), chore(release): v1.3.0: nothing is released until it is merged.'
    )
  })

  it('says it closed the pull request and why', () => {
    const outcome: ReleasePullRequestOutcome = {
      kind: 'closed',
      pullRequest: { ...pullRequest, state: 'closed' },
      branch,
      left: { reason: 'no-commits', since: 'v1.3.0' }
    }
    expect(describeReleasePullRequest(outcome, 'main', true)).toBe(
      'Closed the release pull request [#42](https://github.com/o/r/pull/42): nothing on `main` is left to release (no commits since v1.3.0).'
    )
    expect(describeReleasePullRequest(outcome, 'main', false)).toBe(
      'Closed the release pull request #42 (https://github.com/o/r/pull/42): nothing on `main` is left to release (no commits since v1.3.0).'
    )
  })

  it('says there is no release pull request and why', () => {
    const outcome: ReleasePullRequestOutcome = { kind: 'none', branch, left: { reason: 'no-releasable-commits', since: null } }
    const expected = 'No release pull request: nothing on `trunk` is left to release (none of the commits calls for a release).'
    expect(describeReleasePullRequest(outcome, 'trunk', true)).toBe(expected)
    expect(describeReleasePullRequest(outcome, 'trunk', false)).toBe(expected)
  })
})

describe('a stale run', () => {
  it('says the pull request is left to the run of the newer push', () => {
    const outcome = { kind: 'stale', branch: 'verso/release/main', tip: 'abcdef0123456789abcdef0123456789abcdef01' } as const
    expect(describeReleasePullRequest(outcome, 'main', true)).toBe(
      'Left the release pull request as it is: `main` moved on to abcdef0, whose run writes it.'
    )
  })
})

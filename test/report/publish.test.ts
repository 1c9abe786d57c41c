import { describe, expect, it } from 'vitest'
import {
  conflictHint,
  describeConflict,
  describeDistTag,
  describeEarlierUnpublished,
  describeLatestMove,
  describePublishWarning,
  formatSize,
  publishedOutput,
  renderPublishSummary,
  renderPublishText
} from '../../src/report/publish.js'
import type { PublishRun } from '../../src/run/publish.js'
import type { PublishDecision, PublishTarget } from '../../src/run/publish-plan.js'

const REGISTRY = 'https://registry.npmjs.org/'
const TARGET: PublishTarget = {
  release: 'web',
  path: 'packages/web',
  version: '1.3.0',
  tag: 'web@1.3.0',
  sha: '9b2e0f4'.padEnd(40, '0'),
  line: { prerelease: null, range: null },
  latest: true
}
const LATEST = { tag: 'latest', reason: { kind: 'highest-stable' } } as const

const RUN: PublishRun = {
  dryRun: false,
  entries: [
    {
      kind: 'published',
      release: 'web',
      name: '@acme/web',
      version: '1.3.0',
      registry: REGISTRY,
      distTag: LATEST,
      provenance: true,
      size: 2048,
      files: 3
    },
    { kind: 'already-published', release: 'core', name: '@acme/core', version: '2.0.1', registry: REGISTRY },
    { kind: 'skipped', release: 'site', name: 'site', version: '0.4.0', reason: 'private' }
  ],
  warnings: [{ kind: 'provenance-unsupported', name: '@acme/api', obstacle: { kind: 'self-hosted' } }]
}

const DRY: PublishRun = {
  dryRun: true,
  entries: [
    {
      kind: 'would-publish',
      release: '',
      name: 'pkg',
      version: '1.3.0',
      registry: REGISTRY,
      distTag: { tag: 'next', reason: { kind: 'channel', channel: 'next' } },
      provenance: false,
      tarball: {
        filename: 'pkg-1.3.0.tgz',
        size: 512,
        unpackedSize: 3000,
        integrity: null,
        files: [
          { path: '.env', size: 12 },
          { path: 'a|b`c.js', size: 1536 }
        ]
      }
    }
  ],
  warnings: [{ kind: 'secret-looking', name: 'pkg', files: [{ path: '.env', kind: 'env-file' }] }]
}

describe('renderPublishSummary', () => {
  it('lists what was published where, and why each dist-tag', () => {
    expect(renderPublishSummary(RUN)).toBe(
      [
        '### npm',
        '',
        '| package | version | registry | dist-tag | |',
        '|---|---|---|---|---|',
        `| @acme/web | 1.3.0 | ${REGISTRY} | latest (the highest stable version) | published, with provenance |`,
        `| @acme/core | 2.0.1 | ${REGISTRY} | — | already published |`,
        '| site | 0.4.0 | — | — | private: not published |',
        '',
        '> :warning: @acme/api is published without provenance: npm makes provenance only on GitHub-hosted runners, whose build it can vouch for, and this runner is self-hosted.',
        '',
        ''
      ].join('\n')
    )
  })

  it("a dry run shows each tarball's files and size, and warns of secrets", () => {
    const summary = renderPublishSummary(DRY)
    expect(summary).toContain('### npm (dry run: nothing was published)')
    expect(summary).toContain(`| pkg | 1.3.0 | ${REGISTRY} | next (the next channel) | would publish |`)
    expect(summary).toContain('> :warning: The tarball of pkg holds files that look like secrets: .env (an environment file).')
    expect(summary).toContain('<details><summary>pkg: 2 files, 512 B packed, 2.9 kB unpacked</summary>')
    expect(summary).toContain("| `a\\|b'c.js` | 1.5 kB |")
  })

  it('is empty when nothing is published', () => {
    expect(renderPublishSummary({ dryRun: false, entries: [], warnings: [] })).toBe('')
  })
})

describe('renderPublishText', () => {
  it('one line a package, then the warnings', () => {
    expect(renderPublishText(RUN)).toBe(
      [
        `npm: published @acme/web@1.3.0 to ${REGISTRY} (dist-tag latest: the highest stable version)`,
        `npm: @acme/core@2.0.1 is on ${REGISTRY} already`,
        'npm: site@0.4.0 not published (private in package.json)',
        'warning: @acme/api is published without provenance: npm makes provenance only on GitHub-hosted runners, whose build it can vouch for, and this runner is self-hosted.',
        ''
      ].join('\n')
    )
    expect(renderPublishText(DRY)).toContain(
      `npm: would publish pkg@1.3.0 to ${REGISTRY} (dist-tag next: the next channel), 2 files, 512 B: .env, a|b\`c.js`
    )
  })

  it('counts one file as one', () => {
    const [entry] = DRY.entries
    if (entry?.kind !== 'would-publish') throw new Error('DRY has a would-publish entry')
    const one: PublishRun = { ...DRY, entries: [{ ...entry, tarball: { ...entry.tarball, files: [{ path: 'package.json', size: 40 }] } }] }
    expect(renderPublishText(one)).toContain(', 1 file, 512 B: package.json')
  })
})

describe('publishedOutput', () => {
  it('lists only what this run published', () => {
    expect(JSON.parse(publishedOutput(RUN))).toEqual([{ name: '@acme/web', version: '1.3.0', registry: REGISTRY, distTag: 'latest' }])
    expect(publishedOutput(DRY)).toBe('[]')
    expect(publishedOutput(null)).toBe('[]')
  })
})

describe('describeConflict', () => {
  const conflict = (problem: Extract<PublishDecision, { kind: 'conflict' }>['problem'], name: string | null = '@acme/web') =>
    describeConflict({ kind: 'conflict', target: TARGET, name, registry: REGISTRY, problem })

  it.each([
    [
      { kind: 'published-elsewhere', gitHead: 'a6f3c1d'.padEnd(40, '1'), integrity: null, here: false },
      `@acme/web@1.3.0 is on ${REGISTRY} already, published from commit a6f3c1d, not from 9b2e0f4 (web@1.3.0).`
    ],
    [
      { kind: 'published-elsewhere', gitHead: null, integrity: 'sha512-x', here: false },
      `@acme/web@1.3.0 is on ${REGISTRY} already, published with other contents, not from 9b2e0f4 (web@1.3.0).`
    ],
    [
      { kind: 'not-semver' },
      '@acme/web@1.3.0: npm takes SemVer versions only, and 1.3.0 is not one (a CalVer format with `0M` or `0D` writes leading zeros).'
    ],
    [{ kind: 'no-manifest' }, 'packages/web has no package.json, so there is no npm package to publish.'],
    [{ kind: 'no-name' }, 'packages/web/package.json has no `name`, so npm cannot publish it.'],
    [
      { kind: 'unreadable-manifest', error: 'Unexpected end of JSON input' },
      'packages/web/package.json is not valid JSON (Unexpected end of JSON input), so npm cannot publish it.'
    ],
    [
      { kind: 'workspace-protocol', dependencies: ['@acme/core', '@acme/ui'] },
      '@acme/web@1.3.0 depends on `@acme/core`, `@acme/ui` by a `workspace:` range, which npm publishes as it is: nobody could install it.'
    ]
  ] as const)('%o', (problem, text) => {
    expect(conflict(problem)).toBe(text)
  })
})

describe('conflictHint', () => {
  const hint = (problem: Extract<PublishDecision, { kind: 'conflict' }>['problem']) =>
    conflictHint({ kind: 'conflict', target: TARGET, name: '@acme/web', registry: REGISTRY, problem })
  const sha = 'a6f3c1d'.padEnd(40, '1')

  it('a version published from a commit of this repository: tag that commit as the release', () => {
    expect(hint({ kind: 'published-elsewhere', gitHead: sha, integrity: null, here: true })).toBe(
      `@acme/web@1.3.0 was published from a6f3c1d, a commit of this repository: tag it as that release ` +
        `(\`git tag -a web@1.3.0 ${sha} -m web@1.3.0 && git push origin web@1.3.0\`), and the next run plans past it.`
    )
  })

  it.each([
    ['from a commit this repository does not have', { gitHead: sha, here: false }],
    ['with no commit recorded', { gitHead: null, here: false }]
  ] as const)('a version published %s: a higher version, and the stray one deprecated', (_, change) => {
    const text = hint({ kind: 'published-elsewhere', integrity: null, ...change })
    expect(text).toContain('`bump` set above this release')
    expect(text).toContain('`npm deprecate @acme/web@1.3.0 "not a release of this repository"`')
    expect(text).not.toContain('git tag')
  })

  it.each([
    [{ kind: 'workspace-protocol', dependencies: ['@acme/core'] }, "pnpm's or yarn's own publish"],
    [{ kind: 'not-semver' }, 'without `0M` or `0D`'],
    [{ kind: 'unreadable-manifest', error: 'x' }, 'Fix packages/web/package.json']
  ] as const)('%o', (problem, text) => {
    expect(hint(problem)).toContain(text)
  })
})

describe('describePublishWarning', () => {
  it.each([
    [{ kind: 'not-github-actions' }, 'provenance is made on GitHub Actions, and this run is not on it'],
    [{ kind: 'no-id-token' }, 'the job cannot ask for an OIDC token; give it `permissions: id-token: write`'],
    [
      { kind: 'registry', registry: 'https://npm.pkg.github.com/' },
      'only registry.npmjs.org takes provenance statements, and this package goes to https://npm.pkg.github.com/'
    ],
    [
      { kind: 'private-repository' },
      'npm makes provenance only for public repositories (it answers E422 for a private one), and this one is private'
    ]
  ] as const)('provenance: %o', (obstacle, why) => {
    expect(describePublishWarning({ kind: 'provenance-unsupported', name: 'pkg', obstacle })).toBe(
      `pkg is published without provenance: ${why}.`
    )
  })

  it('a failure after the upload says the version is published', () => {
    expect(describePublishWarning({ kind: 'after-publish-failed', name: 'pkg', version: '1.3.0', error: 'npm publish failed: x' })).toBe(
      'pkg@1.3.0 is published, and npm failed after the upload (a `postpublish` script?): npm publish failed: x ' +
        'Run what is left of that script by hand; the version itself is not published again.'
    )
  })

  it('an npm too old for trusted publishing says which it needs', () => {
    expect(describePublishWarning({ kind: 'trusted-publishing-npm', npmVersion: '10.9.2' })).toContain(
      'npm 10.9.2 cannot: it needs npm 11.5.1 or later'
    )
  })
})

describe('describeDistTag', () => {
  it.each([
    [{ kind: 'below-latest', latest: '2.1.0' }, 'latest stays on 2.1.0, which is higher'],
    [{ kind: 'below-latest', latest: null }, 'a higher stable release has latest'],
    [{ kind: 'maintenance', range: '1.x' }, 'the maintenance line 1.x']
  ] as const)('%o', (reason, text) => {
    expect(describeDistTag({ tag: 'release-1.x', reason })).toBe(text)
  })
})

describe('describeLatestMove', () => {
  it.each([
    [{ kind: 'move', from: '1.4.0' }, false, `Moved npm's latest for pkg to 1.3.0 (from 1.4.0) on ${REGISTRY}.`],
    [{ kind: 'move', from: null }, true, `Would move npm's latest for pkg to 1.3.0 on ${REGISTRY}.`],
    [{ kind: 'already' }, false, "npm's latest for pkg is 1.3.0 already."],
    [{ kind: 'not-published' }, false, `pkg@1.3.0 is not on ${REGISTRY}, so npm's latest was left where it is.`]
  ] as const)('%o', (move, dryRun, text) => {
    expect(describeLatestMove({ name: 'pkg', version: '1.3.0', registry: REGISTRY, ...move }, dryRun)).toBe(text)
  })
})

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 kB'],
    [5 * 1024 * 1024, '5.0 MB']
  ])('%d: %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text)
  })
})

describe('describeEarlierUnpublished', () => {
  it('names what npm lacks, or what cannot be told, and the push whose run to re-run', () => {
    const sha = '4c1d2e3'.padEnd(40, 'f')
    const said = describeEarlierUnpublished('web@1.3.0', sha, [
      { target: TARGET, name: '@acme/web', registry: REGISTRY },
      { target: { ...TARGET, path: 'packages/gone' }, name: null, registry: null }
    ])
    expect(said).toMatch(
      /^web@1\.3\.0 is tagged without its GitHub Release, and https:\/\/registry\.npmjs\.org\/ has no @acme\/web@1\.3\.0; whether npm has packages\/gone@1\.3\.0 cannot be told from its package\.json: /
    )
    expect(said).toMatch(
      /Re-run the workflow run of the push of 4c1d2e3: from its own checkout it publishes the package, then the GitHub Release\.$/
    )
  })
})

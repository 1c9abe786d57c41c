import { describe, expect, it } from 'vitest'
import { emptyDraft, type Draft } from '../../src/migrate/draft.js'
import { mapPlugins, type PluginUse } from '../../src/migrate/semantic-release-plugins.js'

function run(plugins: readonly PluginUse[], global: Record<string, unknown> = {}, isPrivate = false): Draft {
  const draft = emptyDraft()
  mapPlugins(plugins, { label: '.releaserc.json', global, private: isPrivate }, draft)
  return draft
}

const analyzer = (own: Record<string, unknown>): PluginUse => ({ name: '@semantic-release/commit-analyzer', own })
const github = (own: Record<string, unknown>): PluginUse => ({ name: '@semantic-release/github', own })

describe('the commit analyzer', () => {
  // [rule, the release-rules line or null, what is reported instead]
  it.each([
    [{ type: 'docs', release: 'patch' }, 'docs: patch', null],
    [{ type: 'docs', scope: 'README', release: 'patch' }, 'docs(README): patch', null],
    [{ type: 'feat', scope: 'experimental', release: false }, 'feat(experimental): none', null],
    [{ type: 'refactor', release: 'minor' }, 'refactor: minor', null],
    [{ scope: 'no-release', release: false }, null, /a rule by scope alone has no equivalent/],
    [{ type: 'docs', scope: 'api-*', release: 'patch' }, null, /a glob or a regular expression/],
    [{ type: '/^doc/', release: 'patch' }, null, /a glob or a regular expression/],
    [{ subject: '*wip*', release: false }, null, /not its subject/],
    [{ type: 'docs', release: 'prerelease' }, null, /must be major, minor, patch or false/],
    [{ breaking: true, release: 'minor' }, null, /every breaking change as a major/],
    [{ revert: true, release: 'minor' }, null, /a revert of a released commit as a patch/],
    [{ type: 'sec-fix', release: 'patch' }, null, /is not `type\[\(scope\)\]/]
  ])('%j', (rule, line, why) => {
    const draft = run([analyzer({ preset: 'conventionalcommits', releaseRules: [rule] })])
    const setting = draft.settings.find((s) => s.kind === 'option' && s.key === 'release-rules')
    if (line === null) {
      expect(setting).toBeUndefined()
      expect(draft.notCarried).toEqual([
        { option: expect.stringMatching(/^@semantic-release\/commit-analyzer releaseRules /), why: expect.stringMatching(why!) }
      ])
    } else {
      expect(setting).toMatchObject({ value: [line] })
      expect(draft.notCarried).toEqual([])
    }
  })

  it('says the default breaking and revert rules are what verso does', () => {
    const draft = run([
      analyzer({
        releaseRules: [
          { breaking: true, release: 'major' },
          { revert: true, release: 'patch' },
          { type: 'docs', release: 'patch' }
        ]
      })
    ])
    expect(draft.notCarried).toEqual([])
    expect(draft.notes.filter((n) => n.startsWith('The release rule'))).toHaveLength(2)
    expect(draft.notes.some((n) => n.includes('even when it was a breaking change'))).toBe(false)
  })

  it("warns that semantic-release's rules could hold a breaking change to their release", () => {
    const draft = run([analyzer({ preset: 'conventionalcommits', releaseRules: [{ type: 'docs', release: 'patch' }] }), github({})])
    expect(draft.notes).toEqual([expect.stringContaining('a breaking `docs!:` commit with a `docs` rule released a patch')])
  })

  it('warns where a scope now lowers a type, since semantic-release took the highest match', () => {
    const draft = run([
      analyzer({
        preset: 'conventionalcommits',
        releaseRules: [
          { type: 'breaking', release: 'major' },
          { type: 'docs', release: 'minor' },
          { type: 'docs', scope: 'x', release: 'patch' }
        ]
      })
    ])
    expect(draft.notes).toContainEqual(expect.stringContaining('so docs(x): patch now lowers'))
  })

  it.each([
    ['angular', /angular preset does not read `type!:`/],
    ['eslint', /used the eslint preset; verso reads Conventional Commits only/]
  ])('notes the %s preset', (preset, note) => {
    expect(run([analyzer({ preset }), github({})]).notes).toEqual([expect.stringMatching(note)])
  })

  it('reads options given at the top level, as semantic-release passes them to every plugin', () => {
    const draft = run([analyzer({}), github({})], { preset: 'conventionalcommits', releaseRules: [{ type: 'perf', release: 'minor' }] })
    expect(draft.settings).toMatchObject([{ key: 'release-rules', value: ['perf: minor'] }])
    expect(draft.notes).toHaveLength(1)
  })

  it('does not load rules from a module', () => {
    expect(run([analyzer({ releaseRules: './rules.js' })]).notCarried).toEqual([
      { option: '@semantic-release/commit-analyzer releaseRules', why: expect.stringContaining('a module path') }
    ])
  })
})

describe('the changelog, npm and git plugins', () => {
  const changelog: PluginUse = { name: '@semantic-release/changelog', own: {} }
  const npm: PluginUse = { name: '@semantic-release/npm', own: {} }
  const git = (own: Record<string, unknown> = {}): PluginUse => ({ name: '@semantic-release/git', own })

  it('commits the changelog and package.json as git does by default', () => {
    const draft = run([changelog, npm, git()], {}, true)
    expect(draft.settings).toMatchObject([
      { key: 'changelog-file', value: 'CHANGELOG.md' },
      { key: 'version-files', value: ['package.json'] }
    ])
    expect(draft.notCarried).toEqual([])
  })

  it('writes the manifest of pkgRoot', () => {
    const draft = run([
      { name: '@semantic-release/npm', own: { pkgRoot: 'dist', npmPublish: false } },
      git({ assets: ['dist/package.json'] })
    ])
    expect(draft.settings).toMatchObject([{ key: 'version-files', value: ['dist/package.json'] }])
  })

  it('lists the other assets as not committed', () => {
    const draft = run(
      [
        changelog,
        npm,
        git({ assets: ['CHANGELOG.md', 'package.json', 'dist/**', { path: 'docs/*.md' }, 'npm-shrinkwrap.json', '*.json'] })
      ],
      {},
      true
    )
    expect(draft.notCarried.map((n) => n.option)).toEqual([
      '@semantic-release/git assets: dist/**',
      '@semantic-release/git assets: docs/*.md',
      '@semantic-release/git assets: npm-shrinkwrap.json',
      '@semantic-release/git assets: *.json'
    ])
    expect(draft.notCarried[3]!.why).toBe(
      'verso commits package.json from it (changelog-file, version-files), and no other file it matched.'
    )
  })

  it('commits nothing with assets: false, and says what was not committed before', () => {
    const draft = run([changelog, npm, git({ assets: false })], {}, true)
    expect(draft.settings).toMatchObject([{ key: 'changelog-file', value: 'CHANGELOG.md' }])
    expect(draft.notes).toContainEqual(expect.stringContaining('semantic-release wrote CHANGELOG.md without committing it'))
    expect(draft.notes).toContainEqual(
      expect.stringContaining('semantic-release wrote the version into package.json for publishing without committing it')
    )
  })

  it('says npm publishing and its tarball are not carried over', () => {
    const draft = run([{ name: '@semantic-release/npm', own: { tarballDir: 'dist' } }])
    expect(draft.notCarried.map((n) => n.option)).toEqual(['@semantic-release/npm', '@semantic-release/npm tarballDir'])
  })
})

describe('the github plugin and the rest', () => {
  it.each([
    ['${nextRelease.gitTag}', { kind: 'default', key: 'release-name', value: '{tag}' }],
    ['<%= nextRelease.name %>', { kind: 'default', key: 'release-name', value: '{tag}' }],
    ['Release ${nextRelease.version}', { kind: 'option', key: 'release-name', value: 'Release {version}' }]
  ])('carries releaseNameTemplate %s over', (releaseNameTemplate, setting) => {
    expect(run([github({ releaseNameTemplate })]).settings).toMatchObject([setting])
  })

  it('does not carry a release name template with other values', () => {
    expect(run([github({ releaseNameTemplate: '${nextRelease.channel} ${nextRelease.version}' })]).notCarried).toMatchObject([
      { option: '@semantic-release/github releaseNameTemplate' }
    ])
  })

  it('lists the comments, labels and uploads verso does not make; `false` needs nothing', () => {
    const draft = run(
      [
        github({
          successComment: 'Released in ${nextRelease.version}',
          failComment: false,
          labels: false,
          releasedLabels: ['released'],
          draftRelease: true
        })
      ],
      {
        assets: ['dist/*.js']
      }
    )
    expect(draft.settings).toMatchObject([{ key: 'draft', value: 'true' }])
    expect(draft.notCarried.map((n) => n.option)).toEqual([
      '@semantic-release/github assets (top-level, so it reaches this plugin too)',
      '@semantic-release/github successComment',
      '@semantic-release/github releasedLabels'
    ])
  })

  it('notes that verso publishes a GitHub Release where semantic-release did not', () => {
    expect(run([]).notes).toEqual([expect.stringContaining('semantic-release published no GitHub Release')])
  })

  it('lists exec, other plugins and options no plugin reads', () => {
    const draft = run(
      [
        { name: '@semantic-release/exec', own: { prepareCmd: 'make', publishCmd: './publish.sh' } },
        { name: '@semantic-release/gitlab', own: {} },
        { name: 'semantic-release-slack-bot', own: {} },
        { name: '@semantic-release/changelog', own: { changelogTitle: '# Changes', changelogFle: 'x' } },
        github({})
      ],
      { verifyCmd: 'true', mystery: 1 }
    )
    expect(draft.notCarried).toEqual([
      { option: '@semantic-release/changelog changelogTitle', why: expect.stringContaining('Keep a Changelog') },
      { option: '@semantic-release/exec (prepareCmd, publishCmd)', why: expect.stringMatching(/^verso runs no shell commands/) },
      { option: '@semantic-release/gitlab', why: 'verso releases on GitHub only.' },
      { option: 'semantic-release-slack-bot', why: expect.stringMatching(/^verso has no plugins/) },
      { option: '@semantic-release/changelog changelogFle', why: 'not an option this plugin documents.' },
      { option: 'mystery', why: expect.stringContaining('nothing used it') }
    ])
  })
})

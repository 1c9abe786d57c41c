import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { resolveConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { migrate, type Migration } from '../../src/migrate/migrate.js'

/** A repository's files as `migrate` reads them; every path read is recorded. */
function repository(files: Readonly<Record<string, string>>): { read: (path: string) => Promise<string | null>; reads: string[] } {
  const reads: string[] = []
  return {
    reads,
    read: async (path) => {
      reads.push(path)
      return files[path] ?? null
    }
  }
}

/** The produced file must be one verso's own reader takes as it is. */
function expectAccepted(migration: Migration): void {
  expect(() => parse(migration.config)).not.toThrow()
  expect(() => resolveConfig({}, parseConfigFile(migration.config, '.github/verso.yml'))).not.toThrow()
  const steps: unknown = parse(migration.workflow)
  expect(steps).toMatchObject([{ uses: 'actions/checkout@v4' }, { id: 'verso', uses: 'OWNER/verso@v1' }])
}

const HEADER = (source: string, from: string) =>
  `# .github/verso.yml, carried over from ${source} (${from}) by \`verso migrate\`.\n` +
  '# A comment above each key says where it came from; `verso migrate` lists what it could not carry over.\n'

describe('migrate from semantic-release', () => {
  // The shape semantic-release's docs show for a project that commits its changelog and manifest.
  const releaserc = {
    branches: ['+([0-9])?(.{+([0-9]),x}).x', 'main', 'next', { name: 'beta', prerelease: true }, { name: 'alpha', prerelease: true }],
    plugins: [
      '@semantic-release/commit-analyzer',
      '@semantic-release/release-notes-generator',
      ['@semantic-release/changelog', { changelogFile: 'docs/CHANGELOG.md' }],
      ['@semantic-release/npm', { npmPublish: false }],
      [
        '@semantic-release/git',
        {
          assets: ['docs/CHANGELOG.md', 'package.json', 'package-lock.json'],
          message: 'chore(release): ${nextRelease.version} [skip ci]\n\n${nextRelease.notes}'
        }
      ],
      '@semantic-release/github'
    ]
  }

  it('carries branches, the changelog and the committed manifest over, and says what it could not', async () => {
    const repo = repository({
      '.releaserc.json': JSON.stringify(releaserc, null, 2),
      'package.json': '{ "name": "lib", "version": "0.0.0-development" }'
    })
    const migration = await migrate(repo)
    expect(migration.source).toBe('semantic-release')
    expect(migration.from).toEqual(['.releaserc.json', 'package.json'])
    expect(migration.config).toBe(
      HEADER('semantic-release', '.releaserc.json, package.json') +
        `
# From .releaserc.json: branches. The first entry that matches a branch decides what it releases.
branches:
  - "*.x" # +([0-9])?(.{+([0-9]),x}).x: maintenance lines such as 1.x and 1.2.x
  - main
  - next
  - name: beta
    prerelease: true
  - name: alpha
    prerelease: true

# semantic-release numbers a channel's prereleases from .1 (2.0.0-beta.1); verso's default is .0. A channel with tags goes on from the highest of them either way.
prerelease-start: "1"

# semantic-release's default tagFormat, v\${version} (.releaserc.json sets none).
# tag-prefix: v is verso's default: nothing to write.

# semantic-release's first release is 1.0.0 (verso's default is 0.1.0).
initial-version: 1.0.0

# semantic-release releases 1.0.0 for a breaking change on 0.y.z; verso would release 0.(y+1).0 (\`minor\`).
major-zero-breaking: major

# From .releaserc.json: @semantic-release/changelog changelogFile.
changelog-file: docs/CHANGELOG.md

# From .releaserc.json: @semantic-release/npm writes the version into package.json and @semantic-release/git commits it.
version-files:
  - package.json
`
    )
    expect(migration.notCarried).toEqual([
      {
        option: '@semantic-release/git message',
        why: "verso's release commit is `chore(release): <tags>`, by git-user-name and git-user-email; its message takes no template."
      }
    ])
    expect(migration.notes).toEqual([
      'semantic-release kept each release branch after the first (next) above the versions of the ones before it; verso releases each stable line (main, next) from its own last release. Keep only the ones you use, or make one a prerelease channel (`prerelease: true`).',
      "semantic-release's angular preset does not read `type!:` as a breaking change; verso reads Conventional Commits 1.0, where it is one: a commit such as `feat!: drop x` now releases a major.",
      'With version-files or changelog-file, verso pushes a release commit to the branch before tagging it: the token needs `contents: write`, and a protected branch must let it push.'
    ])
    expectAccepted(migration)
    const resolved = resolveConfig({}, parseConfigFile(migration.config, '.github/verso.yml'))
    expect(resolved.release.policy).toMatchObject({ kind: 'rules', from: 'branches' })
    expect(resolved.release.files?.changelog).toBe('docs/CHANGELOG.md')
  })

  it('lists the workflow branches and keeps the github token at its default', async () => {
    const migration = await migrate(repository({ '.releaserc.json': JSON.stringify(releaserc) }))
    expect(migration.workflow).toBe(
      `# The steps of the release job in .github/workflows/release.yml, with
#   on: push: branches: ["*.x", main, next, beta, alpha]
#   permissions: contents: write          # push the release tag (and commit), create the GitHub Release
- uses: actions/checkout@v4
  # Keep the default persist-credentials: verso pushes with the credentials checkout stores.
  # The default shallow clone works: verso fetches the tags and as much history as it needs.
- id: verso
  uses: OWNER/verso@v1
  # github-token stays the default, \${{ github.token }}: it can tag and release. Every other
  # setting is read from .github/verso.yml.
`
    )
  })

  it('reads a YAML .releaserc: rules, prefix, the GitHub Release and a dry run, which goes to the workflow', async () => {
    // The commit analyzer's documented example, with a release title and drafts.
    const migration = await migrate(
      repository({
        '.releaserc': `branches: main
tagFormat: "release-\${version}"
dryRun: true
plugins:
  - - "@semantic-release/commit-analyzer"
    - preset: angular
      releaseRules:
        - { type: docs, scope: README, release: patch }
        - { type: refactor, release: patch }
        - { scope: no-release, release: false }
      parserOpts:
        noteKeywords: [BREAKING CHANGE, BREAKING CHANGES]
  - "@semantic-release/release-notes-generator"
  - - "@semantic-release/github"
    - draftRelease: true
      releaseNameTemplate: "Release <%= nextRelease.version %>"
      successComment: false
`
      })
    )
    expect(migration.config).toBe(
      HEADER('semantic-release', '.releaserc') +
        `
# From .releaserc: branches. The first entry that matches a branch decides what it releases.
branches:
  - main

# From .releaserc: tagFormat release-\${version}.
tag-prefix: release-

# semantic-release's first release is 1.0.0 (verso's default is 0.1.0).
initial-version: 1.0.0

# semantic-release releases 1.0.0 for a breaking change on 0.y.z; verso would release 0.(y+1).0 (\`minor\`).
major-zero-breaking: major

# From .releaserc: @semantic-release/commit-analyzer releaseRules.
release-rules:
  - "docs(README): patch"
  - "refactor: patch"

# From .releaserc: @semantic-release/github draftRelease.
draft: true

# From .releaserc: @semantic-release/github releaseNameTemplate.
release-name: "Release {version}"
`
    )
    expect(migration.notCarried.map((n) => n.option)).toEqual([
      '@semantic-release/commit-analyzer parserOpts',
      '@semantic-release/commit-analyzer releaseRules {"scope":"no-release","release":false}'
    ])
    expect(migration.workflow).toContain(
      '  with:\n    dry-run: true # .releaserc: dryRun (a file cannot hold dry-run; it is decided per run)\n'
    )
    expectAccepted(migration)
    const resolved = resolveConfig({}, parseConfigFile(migration.config, '.github/verso.yml'))
    expect(resolved.tagPrefix).toBe('release-')
    expect(resolved.releaseRules.map((r) => r.text)).toContain('docs(readme): patch')
  })

  it("carries semantic-release's defaults over when package.json#release is empty, npm publishing aside", async () => {
    const migration = await migrate(repository({ 'package.json': JSON.stringify({ name: 'lib', release: {} }) }))
    expect(migration.from).toEqual(['package.json'])
    expect(migration.config).toContain(
      "# semantic-release's default branches (package.json#release sets none). The first entry that matches a branch decides what it releases.\n" +
        'branches:\n  - "*.x" # +([0-9])?(.{+([0-9]),x}).x: maintenance lines such as 1.x and 1.2.x\n  - master\n  - main\n  - next\n  - next-major\n' +
        '  - name: beta\n    prerelease: true\n  - name: alpha\n    prerelease: true\n'
    )
    expect(migration.notCarried.map((n) => n.option)).toEqual(['@semantic-release/npm'])
    expect(migration.notCarried[0]!.why).toMatch(/^publishing to npm: .*does not publish packages yet/)
    expect(migration.notes).toContain(
      'package.json#release lists no plugins, so semantic-release used its default ones: @semantic-release/commit-analyzer, @semantic-release/release-notes-generator, @semantic-release/npm, @semantic-release/github.'
    )
    expectAccepted(migration)
  })

  it('does not say npm publishing is lost for a private package', async () => {
    const migration = await migrate(
      repository({ 'package.json': JSON.stringify({ name: 'app', private: true, release: { branches: ['main'] } }) })
    )
    expect(migration.notCarried).toEqual([])
  })
})

describe('migrate refuses code', () => {
  it.each(['release.config.js', 'release.config.cjs', 'release.config.mjs', '.releaserc.js', '.releaserc.cjs', 'release.config.ts'])(
    'says %s cannot be read, and how to make it readable',
    async (path) => {
      const migration = await migrate(repository({ [path]: 'module.exports = { branches: ["main"] }' }))
      expect(migration.source).toBe('semantic-release')
      expect(migration.from).toEqual([path])
      expect(migration.config).toBe('')
      expect(migration.notCarried).toEqual([
        {
          option: path,
          why:
            `${path} is code, and verso migrate reads configuration as data: it never runs a repository's code. ` +
            'Write the options out as JSON, then run verso migrate again: ' +
            `node --input-type=module -e "const m = await import('./${path}'); console.log(JSON.stringify(m.default, null, 2))" > .releaserc.json ` +
            '(functions and regular expressions in it do not survive: check those by hand).'
        }
      ])
      expect(parse(migration.workflow)).toHaveLength(2)
    }
  )

  it('migrates the file semantic-release reads first and names the ones it ignores', async () => {
    const migration = await migrate(
      repository({
        '.releaserc.json': '{ "branches": ["main"] }',
        'release.config.js': 'export default {}',
        '.releaserc.yml': 'branches: [next]'
      })
    )
    expect(migration.from).toEqual(['.releaserc.json'])
    expect(migration.config).toContain('branches:\n  - main\n')
    expect(migration.notes).toContain(
      'semantic-release reads only .releaserc.json and ignores .releaserc.yml, release.config.js; so did this migration.'
    )
  })
})

describe('migrate without a configuration', () => {
  it("says what it looked for, and still gives verso's step", async () => {
    const repo = repository({ 'package.json': '{ "name": "lib" }' })
    const migration = await migrate(repo)
    expect(migration).toMatchObject({ source: 'none', from: [], config: '', notCarried: [] })
    expect(migration.notes).toEqual([
      'No semantic-release or release-please configuration was found; looked for package.json#release, .releaserc, .releaserc.json, .releaserc.yaml, ' +
        '.releaserc.yml, .releaserc.js, .releaserc.ts, .releaserc.cjs, .releaserc.mjs, .config/releaserc, .config/releaserc.json, .config/releaserc.yaml, ' +
        '.config/releaserc.yml, .config/releaserc.js, .config/releaserc.ts, .config/releaserc.cjs, .config/releaserc.mjs, release.config.js, ' +
        'release.config.ts, release.config.cjs, release.config.mjs, release-please-config.json, .release-please-manifest.json.'
    ])
    expect(repo.reads).toContain('release-please-config.json')
    expect(parse(migration.workflow)).toMatchObject([{ uses: 'actions/checkout@v4' }, { uses: 'OWNER/verso@v1' }])
  })
})

describe('migrate from release-please', () => {
  // A node monorepo as release-please's manifest docs lay it out: a root package and workspaces.
  const config = {
    $schema: 'https://raw.githubusercontent.com/googleapis/release-please/main/schemas/config.json',
    'release-type': 'node',
    'bump-minor-pre-major': true,
    'separate-pull-requests': false,
    plugins: ['node-workspace', { type: 'linked-versions', groupName: 'ui', components: ['core', 'web'] }],
    packages: {
      '.': { 'include-component-in-tag': false },
      'packages/core': {},
      'packages/web': { component: 'web', 'changelog-path': 'CHANGES.md' },
      'tools/py': { 'release-type': 'python', 'package-name': 'acme-tools', 'bump-minor-pre-major': false }
    }
  }
  const files = {
    'release-please-config.json': JSON.stringify(config, null, 2),
    '.release-please-manifest.json': JSON.stringify({
      '.': '3.1.0',
      'packages/core': '1.4.0',
      'packages/web': '0.3.1',
      'tools/py': '2.0.0'
    }),
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
    'packages/core/package.json': JSON.stringify({ name: '@acme/core', version: '1.4.0' }),
    'packages/web/package.json': JSON.stringify({ name: '@acme/web', version: '0.3.1' }),
    'tools/py/pyproject.toml': '[project]\nname = "acme-tools"\nversion = "2.0.0"\n'
  }

  it('carries the packages over with the tags release-please made, and which tags to check', async () => {
    const migration = await migrate(repository(files))
    expect(migration.source).toBe('release-please')
    expect(migration.from).toEqual([
      'release-please-config.json',
      '.release-please-manifest.json',
      'package.json',
      'packages/core/package.json',
      'packages/web/package.json',
      'tools/py/pyproject.toml'
    ])
    expect(migration.config).toBe(
      HEADER(
        'release-please',
        'release-please-config.json, .release-please-manifest.json, package.json, packages/core/package.json, packages/web/package.json, tools/py/pyproject.toml'
      ) +
        `
# From release-please-config.json: packages. A tag-format says how release-please tagged each package, so verso reads those tags as its releases.
packages:
  - name: acme # .: tags v<version>
    path: .
    tag-format: "v{version}"
  - name: "@acme/core" # packages/core: tags core-v<version>
    path: packages/core
    tag-format: "core-v{version}"
  - name: "@acme/web" # packages/web: tags web-v<version>
    path: packages/web
    tag-format: "web-v{version}"
    changelog-file: CHANGES.md
  - name: acme-tools # tools/py: tags acme-tools-v<version>
    path: tools/py
    tag-format: "{name}-v{version}"
    major-zero-breaking: major

# From release-please-config.json: bump-minor-pre-major: a breaking change on 0.y.z releases 0.(y+1).0.
# major-zero-breaking: minor is verso's default: nothing to write.

# release-please's first release is 1.0.0 (verso's default is 0.1.0).
initial-version: 1.0.0

# release-please's changelog, CHANGELOG.md in the package's folder; verso commits it with each release.
changelog-file: CHANGELOG.md

# From release-please-config.json: the files each package's release-type (and extra-files) writes the version into.
version-files:
  - package.json
  - packages/core/package.json
  - packages/web/package.json
  - "tools/py/pyproject.toml:/^version = \\"([^\\"]+)\\"/"

# From release-please-config.json: the linked-versions plugin. Each group releases one version, the highest of its members'.
linked:
  - ["@acme/core", "@acme/web"]
`
    )
    expect(migration.notCarried).toEqual([
      { option: 'separate-pull-requests', why: 'verso opens no release pull request: it releases on the push itself.' }
    ])
    expect(migration.notes).toContain(
      'verso reads each release from its tag, not from .release-please-manifest.json. Check that these tags exist on the release branch ' +
        '(there, `git tag --merged HEAD` lists the tags it contains): v3.1.0 (.), core-v1.4.0 (packages/core), web-v0.3.1 (packages/web), ' +
        'acme-tools-v2.0.0 (tools/py). Without its tag, a package starts again at initial-version.'
    )
    expectAccepted(migration)
    const resolved = resolveConfig({}, parseConfigFile(migration.config, '.github/verso.yml'))
    expect(resolved.packages?.list.map((p) => [p.spec.name, p.config.tagPrefix])).toEqual([
      ['acme', 'v'],
      ['@acme/core', 'core-v'],
      ['@acme/web', 'web-v'],
      ['acme-tools', 'acme-tools-v']
    ])
    expect(resolved.packages?.linked).toEqual([['@acme/core', '@acme/web']])
    const tools = resolved.packages?.list.find((p) => p.spec.name === 'acme-tools')
    expect(tools?.config.scheme).toMatchObject({ kind: 'semver', majorZeroBreaking: 'major' })
  })

  it('carries a single root package over as the top level, with its tag prefix', async () => {
    const migration = await migrate(
      repository({
        'release-please-config.json': JSON.stringify({
          packages: { '.': { 'release-type': 'simple', 'changelog-path': 'docs/CHANGELOG.md' } }
        }),
        '.release-please-manifest.json': '{ ".": "0.4.0" }'
      })
    )
    expect(migration.config).toBe(
      HEADER('release-please', 'release-please-config.json, .release-please-manifest.json') +
        `
# release-please tags a release v<version> (no component in the tag).
# tag-prefix: v is verso's default: nothing to write.

# release-please-config.json leaves bump-minor-pre-major false, so a breaking change on 0.y.z releases 1.0.0, as here.
# Write \`minor\` (verso's default) to stay on 0.y.z until you choose 1.0.0.
major-zero-breaking: major

# release-please's first release is 1.0.0 (verso's default is 0.1.0).
initial-version: 1.0.0

# From release-please-config.json: changelog-path; verso commits it with each release.
changelog-file: docs/CHANGELOG.md

# From release-please-config.json: the files each package's release-type (and extra-files) writes the version into.
version-files:
  - "version.txt:/^(.*)$/"
`
    )
    expect(migration.notes[0]).toBe(
      'verso reads each release from its tag, not from .release-please-manifest.json. Check that this tag exists on the release branch ' +
        '(there, `git tag --merged HEAD` lists the tags it contains): v0.4.0. Without its tag, a package starts again at initial-version.'
    )
    expectAccepted(migration)
  })

  it('prefers semantic-release when both are configured, and says release-please was left alone', async () => {
    const migration = await migrate(repository({ ...files, '.releaserc.json': '{ "branches": ["main"], "plugins": [] }' }))
    expect(migration.source).toBe('semantic-release')
    expect(migration.notes).toContain(
      'release-please-config.json and .release-please-manifest.json hold a release-please configuration too, which was not migrated: remove the tool you no longer use.'
    )
  })
})

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { listFiles, readFilesAt, readWorktreeFile } from '../../src/git/files.js'
import { createGit } from '../../src/git/git.js'
import { discoverWorkspaces, NO_WORKSPACES, type RepositoryFiles } from '../../src/packages/workspaces.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

function write(r: TestRepo, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(r.dir, path)), { recursive: true })
    writeFileSync(join(r.dir, path), text)
  }
}

/** A repository with these files in its working tree, listed and read the way a run does. */
function worktree(files: Record<string, string>): RepositoryFiles & { r: TestRepo; listed: string[][] } {
  const r = repo()
  write(r, files)
  const git = createGit(r.dir, r.env)
  const listed: string[][] = []
  return {
    r,
    listed,
    list: (globs) => {
      listed.push(globs)
      return listFiles(git, null, globs)
    },
    read: (path) => readWorktreeFile(r.dir, path)
  }
}

const manifest = (fields: Record<string, unknown>): string => `${JSON.stringify(fields, null, 2)}\n`
const rootWith = (workspaces: unknown, more: Record<string, unknown> = {}): string =>
  manifest({ name: 'root', private: true, workspaces, ...more })

async function discoveryError(files: RepositoryFiles): Promise<VersoError> {
  const error: unknown = await discoverWorkspaces(files).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('discoverWorkspaces with package.json `workspaces`', () => {
  it('finds each folder the globs name by its manifest, sorted by folder', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'package.json': rootWith(['packages/*', 'apps/web']),
        'packages/zeta/package.json': manifest({ name: '@acme/zeta', version: '2.1.0' }),
        'packages/alpha/package.json': manifest({ name: 'alpha', version: '0.3.0', private: true }),
        'packages/alpha/src/index.ts': 'export {}\n',
        'apps/web/package.json': manifest({ name: 'web', private: 'yes' }),
        'apps/other/package.json': manifest({ name: 'other' })
      })
    )
    expect(discovery).toEqual({
      source: 'npm',
      packages: [
        { name: 'web', path: 'apps/web', manifest: 'apps/web/package.json', private: false, version: null },
        { name: 'alpha', path: 'packages/alpha', manifest: 'packages/alpha/package.json', private: true, version: '0.3.0' },
        { name: '@acme/zeta', path: 'packages/zeta', manifest: 'packages/zeta/package.json', private: false, version: '2.1.0' }
      ],
      skipped: []
    })
  })

  it.each([
    ['the object form', rootWith({ packages: ['packages/*'], nohoist: ['**/react'] }), {}],
    ['a yarn.lock', rootWith(['packages/*']), { 'yarn.lock': '# yarn lockfile v1\n' }],
    ['a packageManager of yarn', rootWith(['packages/*'], { packageManager: 'yarn@4.5.0' }), {}]
  ])("reads yarn's workspaces, known by %s", async (_, root, more) => {
    const discovery = await discoverWorkspaces(
      worktree({ 'package.json': root, 'packages/a/package.json': manifest({ name: 'a' }), ...more })
    )
    expect(discovery.source).toBe('yarn')
    expect(discovery.packages.map((p) => p.name)).toEqual(['a'])
  })

  it('takes `./packages/*/` for `packages/*` and leaves the root out of its own packages', async () => {
    const discovery = await discoverWorkspaces(
      worktree({ 'package.json': rootWith(['./packages/*/', '.', './']), 'packages/a/package.json': manifest({ name: 'a' }) })
    )
    expect(discovery).toMatchObject({ source: 'npm', packages: [{ name: 'a', path: 'packages/a' }], skipped: [] })
  })

  it('finds nested packages under `packages/**`, but none in node_modules and no folder below a package', async () => {
    const files = worktree({
      'package.json': rootWith(['packages/**']),
      'packages/a/package.json': manifest({ name: 'a' }),
      'packages/a/src/index.ts': '',
      'packages/a/node_modules/left-pad/package.json': manifest({ name: 'left-pad' }),
      'packages/group/b/package.json': manifest({ name: 'b' }),
      'packages/group/deeper/c/package.json': manifest({ name: 'c' }),
      'packages/group/README.md': '# b and c\n'
    })
    const discovery = await discoverWorkspaces(files)
    expect(discovery.packages.map((p) => p.path)).toEqual(['packages/a', 'packages/group/b', 'packages/group/deeper/c'])
    // A `**` glob reaches every folder: only the ones with a manifest are packages, and the rest are not worth a word.
    expect(discovery.skipped).toEqual([])
    expect(files.listed).toEqual([['packages/**/package.json', 'yarn.lock']])
  })

  it('reports a folder the globs name that has no manifest', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'package.json': rootWith(['packages/*']),
        'packages/a/package.json': manifest({ name: 'a' }),
        'packages/docs/guide/intro.md': '# Intro\n',
        'packages/README.md': 'a file, not a folder\n'
      })
    )
    expect(discovery.packages.map((p) => p.name)).toEqual(['a'])
    expect(discovery.skipped).toEqual([
      {
        path: 'packages/docs',
        why: 'has no package.json: add one with a `name`, or leave the folder out of the workspace globs (a `!` glob excludes it).'
      }
    ])
  })

  it('reports a manifest it cannot use, and still finds the other packages', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'package.json': rootWith(['packages/*']),
        'packages/good/package.json': manifest({ name: 'good' }),
        'packages/nameless/package.json': manifest({ version: '1.0.0' }),
        'packages/empty-name/package.json': manifest({ name: '' }),
        'packages/spaced/package.json': manifest({ name: 'my package' }),
        'packages/broken/package.json': '{ "name": "broken", "token": ghp_abcdefghijklmnopqrstuvwxyz0123456789 }',
        'packages/listed/package.json': '["not", "an", "object"]'
      })
    )
    expect(discovery.packages.map((p) => p.name)).toEqual(['good'])
    expect(discovery.skipped).toEqual([
      {
        path: 'packages/broken',
        why: "package.json is not valid JSON (Unexpected token 'g'): fix it, or leave the folder out of the workspace globs."
      },
      {
        path: 'packages/empty-name',
        why: 'package.json has no `name`: add one, as the package is known by it (its tags and its dependents).'
      },
      { path: 'packages/listed', why: 'package.json is not a JSON object: fix it, or leave the folder out of the workspace globs.' },
      {
        path: 'packages/nameless',
        why: 'package.json has no `name`: add one, as the package is known by it (its tags and its dependents).'
      },
      {
        path: 'packages/spaced',
        why: 'package.json\'s `name` "my package" is not a package name: use letters, digits, `-`, `.`, `_` and `~`, after an optional `@scope/`.'
      }
    ])
  })

  it('reports every package of a name that is not unique, and keeps neither', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'package.json': rootWith(['packages/*', 'legacy/*']),
        'packages/core/package.json': manifest({ name: '@acme/core' }),
        'legacy/core/package.json': manifest({ name: '@acme/core' }),
        'packages/cli/package.json': manifest({ name: '@acme/cli' })
      })
    )
    expect(discovery.packages.map((p) => p.name)).toEqual(['@acme/cli'])
    expect(discovery.skipped).toEqual([
      {
        path: 'legacy/core',
        why: "package.json's `name` `@acme/core` is also the name of packages/core: rename one, as each package needs its own."
      },
      {
        path: 'packages/core',
        why: "package.json's `name` `@acme/core` is also the name of legacy/core: rename one, as each package needs its own."
      }
    ])
  })

  it('reads a manifest saved with a byte order mark', async () => {
    const discovery = await discoverWorkspaces(
      worktree({ 'package.json': `\uFEFF${rootWith(['packages/*'])}`, 'packages/a/package.json': `\uFEFF${manifest({ name: 'a' })}` })
    )
    expect(discovery.packages.map((p) => p.name)).toEqual(['a'])
  })

  it('reads the files at a revision through the same interface', async () => {
    const { r } = worktree({
      'package.json': rootWith(['packages/*']),
      'packages/a/package.json': manifest({ name: 'a', version: '1.0.0' })
    })
    r.git('add', '--all')
    r.commit('chore: packages')
    write(r, { 'packages/b/package.json': manifest({ name: 'b' }) })
    const git = createGit(r.dir, r.env)
    const atHead: RepositoryFiles = {
      list: (globs) => listFiles(git, 'HEAD', globs),
      read: async (path) => (await readFilesAt(git, 'HEAD', [path])).get(path) ?? null
    }
    expect((await discoverWorkspaces(atHead)).packages).toEqual([
      { name: 'a', path: 'packages/a', manifest: 'packages/a/package.json', private: false, version: '1.0.0' }
    ])
  })

  it('does not read a manifest that is a link to a file outside the repository', async () => {
    const files = worktree({ 'package.json': rootWith(['packages/*']) })
    writeFileSync(join(files.r.root, 'outside.json'), manifest({ name: 'secret' }))
    mkdirSync(join(files.r.dir, 'packages/a'), { recursive: true })
    symlinkSync(join(files.r.root, 'outside.json'), join(files.r.dir, 'packages/a/package.json'))
    await expect(discoverWorkspaces(files)).rejects.toMatchObject({ code: 'EUNSAFEPATH' })
  })
})

describe('discoverWorkspaces with pnpm-workspace.yaml', () => {
  it('excludes what a `!` glob matches, wherever it is in the list, and wins over package.json', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'pnpm-workspace.yaml':
          "packages:\n  - '!**/test/**'\n  - 'packages/*'\n  - 'tools/**'\n  - '!packages/legacy'\ncatalog:\n  react: ^19\n",
        'package.json': rootWith(['elsewhere/*']),
        'packages/a/package.json': manifest({ name: 'a' }),
        'packages/legacy/package.json': manifest({ name: 'legacy' }),
        'tools/lint/package.json': manifest({ name: 'lint' }),
        'tools/lint/test/fixture/package.json': manifest({ name: 'fixture' }),
        'elsewhere/x/package.json': manifest({ name: 'x' })
      })
    )
    expect(discovery).toMatchObject({ source: 'pnpm', skipped: [] })
    expect(discovery.packages.map((p) => p.path)).toEqual(['packages/a', 'tools/lint'])
  })

  it('reports no excluded folder as lacking a manifest', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - "!packages/notes"\n',
        'packages/a/package.json': manifest({ name: 'a' }),
        'packages/notes/todo.md': '- more\n'
      })
    )
    expect(discovery).toMatchObject({ source: 'pnpm', packages: [{ name: 'a' }], skipped: [] })
  })

  it('falls back to package.json when the file holds only settings', async () => {
    const discovery = await discoverWorkspaces(
      worktree({
        'pnpm-workspace.yaml': 'onlyBuiltDependencies:\n  - esbuild\npackages:\n',
        'package.json': rootWith(['packages/*']),
        'packages/a/package.json': manifest({ name: 'a' })
      })
    )
    expect(discovery).toMatchObject({ source: 'npm', packages: [{ name: 'a' }] })
  })
})

describe('discoverWorkspaces without workspaces', () => {
  it.each([
    ['no package.json', {}],
    ['a package.json without `workspaces`', { 'package.json': manifest({ name: 'app' }) }],
    ['an empty `workspaces`', { 'package.json': rootWith([]) }],
    ["yarn's form with no packages", { 'package.json': rootWith({ nohoist: ['x'] }) }],
    ['an empty pnpm-workspace.yaml', { 'pnpm-workspace.yaml': '# later\n' }]
  ])('says so for %s, in words the plan can show', async (_, files: Record<string, string>) => {
    const discovery = await discoverWorkspaces(worktree(files))
    expect(discovery).toEqual({ source: 'none', packages: [], skipped: [], message: NO_WORKSPACES })
    expect(NO_WORKSPACES).toBe('packages: auto found no workspaces: add `workspaces` to package.json or list the packages.')
  })
})

describe('discoverWorkspaces refuses', () => {
  it('a root package.json that is not JSON, quoting none of it', async () => {
    const error = await discoveryError(
      worktree({ 'package.json': '{ "name": "root", "token": ghp_abcdefghijklmnopqrstuvwxyz0123456789 }' })
    )
    // Node's own message goes on to quote the text, token and all.
    expect(error.message).not.toContain('ghp_')
    expect(error).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: "package.json is not valid JSON: Unexpected token 'g'.",
      hint: 'Fix package.json: `packages: auto` reads its `workspaces` to find the packages.'
    })
  })

  it('a root package.json that is not an object', async () => {
    expect(await discoveryError(worktree({ 'package.json': '"workspaces"' }))).toMatchObject({
      message: 'package.json must be a JSON object.'
    })
  })

  it.each([['packages/*'], [['packages/*', 3]], [{ packages: 'packages/*' }]])(
    '`workspaces` that is not a list of globs: %j',
    async (workspaces) => {
      const error = await discoveryError(worktree({ 'package.json': rootWith(workspaces) }))
      expect(error.message).toMatch(/^package\.json `workspaces` must be a list of folder globs, e\.g\. `"workspaces": \["packages\/\*"\]`/)
    }
  )

  it('a pnpm-workspace.yaml that is not YAML, or whose `packages` is not a list', async () => {
    expect(await discoveryError(worktree({ 'pnpm-workspace.yaml': 'packages: [' }))).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: expect.stringMatching(/^pnpm-workspace\.yaml is not valid YAML: /)
    })
    expect(await discoveryError(worktree({ 'pnpm-workspace.yaml': 'packages: packages/*\n' }))).toMatchObject({
      message: expect.stringMatching(/^pnpm-workspace\.yaml `packages` must be a list of folder globs/)
    })
    expect(await discoveryError(worktree({ 'pnpm-workspace.yaml': '- packages/*\n' }))).toMatchObject({
      message: expect.stringMatching(/^pnpm-workspace\.yaml must be a mapping/)
    })
  })

  it('globs that lead outside the repository, every one at once, before listing anything', async () => {
    const files = worktree({ 'package.json': rootWith(['packages/*', '../shared/*', '/opt/pkgs/*', '!packages/../../x', 'C:/pkgs/*']) })
    const error = await discoveryError(files)
    expect(error).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: 'package.json `workspaces` has 4 problem(s):',
      details: [
        '`../shared/*` leads outside the repository: verso versions only the packages inside it.',
        '`/opt/pkgs/*` leads outside the repository: verso versions only the packages inside it.',
        '`!packages/../../x` leads outside the repository: verso versions only the packages inside it.',
        '`C:/pkgs/*` leads outside the repository: verso versions only the packages inside it.'
      ],
      hint: 'Write workspace globs relative to the repository root, without `..`.'
    })
    expect(files.listed).toEqual([])
  })

  it('a name like `..data` is a folder, not a way out', async () => {
    const discovery = await discoverWorkspaces(
      worktree({ 'package.json': rootWith(['..data/*']), '..data/a/package.json': manifest({ name: 'a' }) })
    )
    expect(discovery.packages.map((p) => p.path)).toEqual(['..data/a'])
  })
})

// Planning a monorepo, as a ratio against planning the same history as one package,
// measured in the same run: history is read once for all packages, so P packages should
// cost little more than one (the bar is 1.30).
//
//   node scripts/bench-packages.mjs [--commits 20000 --packages 20 --runs 5] [--keep]
//
// Three repositories are generated with the same commits, files and tags; only the config
// file in the first commit (and one tag) differs:
//
//   packages  `packages:` lists p01…pNN. Each package's last release is at a different depth
//             (a few commits back for some, most of the history back for others), and the
//             last package was never released.
//   one       `packages:` lists one package, `pkg` at `packages` (every package folder), tagged
//             `pkg@1.0.0` on the first commit. This is the baseline for the ratio.
//   plain     no `packages:` (a single-package repository), tagged `v1.0.0` on the first
//             commit. Shown for context only.
//
// Why the baseline is fair. A package that was never released reads back to the first
// commit, so the union of the P packages' ranges is the whole history: `git log` walks every
// commit either way. The baseline's last tag is on the first commit, so it walks the same
// commits, and it takes every commit that touches a package into its plan. The P packages
// take fewer: a commit older than its package's last release belongs to no range. The
// baseline also goes through the same code as the P packages (one streamed `git log` with
// changed paths, routed, in topological order). What is left over in the ratio is what
// having P packages costs: routing each path to P packages, P sets of tags, P plans and P
// outputs. The single-package repository reads history without changed paths, a different
// and cheaper `git log`. Comparing with it would also count that cost, which does not grow
// with the number of packages, so it is printed but not held to the bar.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '20000' },
    packages: { type: 'string', default: '20' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false }
  }
})
const commits = Number(values.commits)
const packageCount = Number(values.packages)
const runs = Number(values.runs)
if (!(packageCount >= 2 && packageCount <= 99) || !(commits >= 100 * packageCount) || !(runs >= 1))
  throw new Error('--packages must be 2 to 99, --commits at least 100 per package, --runs at least 1')

const cli = resolve('dist/cli.js')
const root = mkdtempSync(join(tmpdir(), 'verso-bench-packages-'))
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: root }
const names = Array.from({ length: packageCount }, (_, i) => `p${String(i + 1).padStart(2, '0')}`)
const history = design()
const BAR = 1.3

try {
  const dirs = { packages: join(root, 'packages'), one: join(root, 'one'), plain: join(root, 'plain') }
  for (const [variant, dir] of Object.entries(dirs)) generate(dir, variant)
  describe(dirs.packages)

  // Validated before timing: a wrong plan is not worth timing.
  validatePackages(dirs.packages)
  validateOne(dirs.one)
  validatePlain(dirs.plain)

  const gitLog = [
    '-c',
    'log.showSignature=false',
    'log',
    '-z',
    '--format=%x01%H%x00%P%x00%B',
    '--topo-order',
    '--name-only',
    '--no-renames'
  ]
  const measured = medians([
    ['node', process.execPath, ['-e', '0'], root],
    ['git log (packages)', 'git', [...gitLog, '--diff-merges=first-parent', 'HEAD', '--'], dirs.packages],
    ['packages plan', process.execPath, [cli, 'plan'], dirs.packages],
    ['packages plan --json', process.execPath, [cli, 'plan', '--json'], dirs.packages],
    ['one plan', process.execPath, [cli, 'plan'], dirs.one],
    ['one plan --json', process.execPath, [cli, 'plan', '--json'], dirs.one],
    ['plain plan', process.execPath, [cli, 'plan'], dirs.plain],
    ['plain plan --json', process.execPath, [cli, 'plan', '--json'], dirs.plain]
  ])
  const m = (name) => measured.get(name)

  console.log(
    `node start-up: ${ms(m('node'))}   git log --topo-order --name-only over the whole history (verso's read, alone): ${ms(m('git log (packages)'))}`
  )
  const rows = [
    [`${packageCount} packages`, 'packages', ''],
    ['one package (path: packages)', 'one', '   (the baseline)'],
    ['single-package repository', 'plain', '   (context)']
  ]
  const width = Math.max(...rows.map(([label]) => label.length)) + 1
  for (const [label, key, note] of rows)
    console.log(`${`${label}:`.padEnd(width)} plan ${ms(m(`${key} plan`))}   plan --json ${ms(m(`${key} plan --json`))}${note}`)
  const ratio = m('packages plan') / m('one plan')
  const ratioJson = m('packages plan --json') / m('one plan --json')
  console.log(
    `ratio ${packageCount} packages / one package: plan ${ratio.toFixed(2)}, plan --json ${ratioJson.toFixed(2)} (the bar is ${BAR.toFixed(2)})`
  )
  console.log(
    `ratio ${packageCount} packages / single-package repository (context, no bar): plan ${(m('packages plan') / m('plain plan')).toFixed(2)}, plan --json ${(m('packages plan --json') / m('plain plan --json')).toFixed(2)}`
  )
  const rss = peakRss([
    [`${packageCount} packages`, dirs.packages],
    ['one package', dirs.one],
    ['single-package repository', dirs.plain]
  ])
  if (rss) console.log(`peak RSS of plan --json: ${rss}`)
  if (values.keep) console.log(`kept: ${root}`)
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true })
}

/**
 * The history, the same in every repository: for each commit after the first, the packages
 * it changes (one, every eighth commit two; every 250th changes a file outside the packages
 * instead), and each package's releases.
 */
function design() {
  let seed = 0x2545f491
  const random = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return (seed >>> 8) % n
  }
  const changes = [null] // the first commit (mark 1) writes the config and every package's files
  for (let i = 1; i < commits; i++) {
    if (i % 250 === 0) {
      changes.push([])
      continue
    }
    const first = random(packageCount)
    const touched = [first]
    if (i % 8 === 0) touched.push((first + 1 + random(packageCount - 1)) % packageCount)
    changes.push(touched)
  }
  // Last releases from 3 commits back to 90% of the history back, spread geometrically;
  // earlier releases every 500 commits before that. The last package was never released.
  const deepest = Math.floor((commits - 1) * 0.9)
  const released = packageCount - 1
  const stride = 500
  const releases = names.map((name, k) => {
    if (k === released) return { name, tags: [] }
    const depth = Math.round(3 * (deepest / 3) ** (released === 1 ? 1 : k / (released - 1)))
    const last = commits - depth // the mark of the tagged commit; HEAD is mark `commits`
    const marks = []
    for (let mark = last; mark > 1; mark -= stride) marks.unshift(mark)
    return { name, depth, tags: marks.map((mark, v) => ({ name: `${name}@1.${v}.0`, mark })) }
  })
  return { changes, releases }
}

/** One of the repositories, through git fast-import. */
function generate(dir, variant) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env })
  const lines = []
  const file = (path, content) => lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(content)}`, content)
  const commit = (mark, message, files) => {
    lines.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `committer Bench <bench@example.com> ${1_600_000_000 + mark * 60} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message
    )
    if (mark > 1) lines.push(`from :${mark - 1}`)
    files()
    lines.push('')
  }
  const config = {
    packages: `packages:\n${names.map((n) => `  - name: ${n}\n    path: packages/${n}\n`).join('')}`,
    one: 'packages:\n  - name: pkg\n    path: packages\n',
    plain: 'tag-prefix: v\n'
  }[variant]
  commit(1, 'chore: configure verso\n', () => {
    file('.github/verso.yml', config)
    file('README.md', '# bench\n')
    // A realistic tree: 40 files in 4 folders per package.
    for (const name of names) for (let f = 0; f < 40; f++) file(`packages/${name}/src/m${f % 4}/f${f}.ts`, `export const v = 0\n`)
  })
  const types = ['fix', 'fix', 'fix', 'feat', 'feat', 'feat', 'chore', 'chore', 'docs', 'refactor', 'perf', 'test']
  for (let i = 1; i < commits; i++) {
    const touched = history.changes[i]
    const type = types[i % types.length]
    const scope = touched.length ? names[touched[0]] : 'docs'
    const body = i % 10 === 0 ? `\n\nA body that says more about change ${i}.\n\nRefs: #${i}\n` : '\n'
    commit(i + 1, `${type}(${scope}): change number ${i}${body}`, () => {
      if (touched.length === 0) file('docs/notes.md', `change ${i}\n`)
      for (const k of touched) {
        const f = (i * 7 + k) % 40
        file(`packages/${names[k]}/src/m${f % 4}/f${f}.ts`, `export const v = ${i}\n`)
      }
    })
  }
  // Every repository has the packages' tags, so that each reads the same refs.
  for (const { tags } of history.releases) for (const tag of tags) lines.push(`reset refs/tags/${tag.name}`, `from :${tag.mark}`, '')
  if (variant === 'one') lines.push('reset refs/tags/pkg@1.0.0', 'from :1', '')
  if (variant === 'plain') lines.push('reset refs/tags/v1.0.0', 'from :1', '')
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { env, input: lines.join('\n') + '\n', maxBuffer: 1 << 30 })
  execFileSync('git', ['-C', dir, 'checkout', '-q', 'main'], { env })
}

function describe(dir) {
  const count = git(dir, ['rev-list', '--count', 'HEAD'])
  const tagCount = git(dir, ['tag']).split('\n').length
  const depths = history.releases
    .map((r) => (r.tags.length ? r.depth : null))
    .filter((d) => d !== null)
    .sort((a, b) => a - b)
  console.log(
    `repository: ${count} commits, ${packageCount} packages, ${tagCount} tags; last releases ${depths[0]} to ${depths.at(-1)} commits back,` +
      ` ${names.at(-1)} never released (node ${process.version}, ${runs} runs)`
  )
}

function validatePackages(dir) {
  const plan = planJson(dir)
  if (!Array.isArray(plan.packages) || plan.packages.length !== packageCount)
    fail(`the plan has ${plan.packages?.length} packages, not ${packageCount}`)
  for (const release of history.releases) {
    const entry = plan.packages.find((p) => p.name === release.name)
    if (!entry) fail(`the plan has no package ${release.name}`)
    const last = release.tags.at(-1)?.name ?? null
    const found = entry.plan.previous?.tag ?? null
    if (found !== last) fail(`${release.name}: the plan's last release is ${found}, not ${last}`)
    const range = last ? `${last}..HEAD` : 'HEAD'
    const expected = Number(git(dir, ['rev-list', '--count', range, '--', `packages/${release.name}`]))
    if (entry.plan.commits.length !== expected)
      fail(
        `${release.name}: the plan has ${entry.plan.commits.length} commits, git rev-list --count ${range} -- packages/${release.name} ${expected}`
      )
  }
}

function validateOne(dir) {
  const plan = planJson(dir)
  const entry = plan.packages?.[0]
  if (plan.packages?.length !== 1 || entry.plan.previous?.tag !== 'pkg@1.0.0')
    fail(`the one-package plan's last release is ${entry?.plan.previous?.tag ?? null}, not pkg@1.0.0`)
  const expected = Number(git(dir, ['rev-list', '--count', 'pkg@1.0.0..HEAD', '--', 'packages']))
  if (entry.plan.commits.length !== expected)
    fail(`the one-package plan has ${entry.plan.commits.length} commits, git rev-list --count pkg@1.0.0..HEAD -- packages ${expected}`)
}

function validatePlain(dir) {
  const plan = planJson(dir)
  const expected = Number(git(dir, ['rev-list', '--count', 'v1.0.0..HEAD']))
  if (plan.previous?.tag !== 'v1.0.0' || plan.commits?.length !== expected)
    fail(`the single-package plan has ${plan.previous?.tag ?? null} and ${plan.commits?.length} commits, not v1.0.0 and ${expected}`)
}

function planJson(dir) {
  return JSON.parse(execFileSync(process.execPath, [cli, 'plan', '--json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 }))
}

function git(dir, args) {
  return execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
}

function fail(message) {
  throw new Error(`bench-packages: ${message}`)
}

/**
 * The median wall time of each command. The runs take turns (one of each, then again), so
 * that a slow stretch of the machine falls on every command alike, not on one of them.
 */
function medians(commands) {
  for (const [, command, args, cwd] of commands) time(command, args, cwd) // warm the page cache
  const samples = commands.map(() => [])
  for (let run = 0; run < runs; run++) commands.forEach(([, command, args, cwd], i) => samples[i].push(time(command, args, cwd)))
  return new Map(
    commands.map(([name], i) => {
      const sorted = samples[i].sort((a, b) => a - b)
      return [name, sorted[Math.floor(sorted.length / 2)]]
    })
  )
}

function time(command, args, cwd) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 })
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed`)
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Peak resident memory of one `plan --json` in each repository, from /usr/bin/time when there is one. */
function peakRss(repositories) {
  const timeBin = '/usr/bin/time'
  if (!existsSync(timeBin)) return null
  const out = join(root, 'rss')
  const parts = []
  for (const [name, cwd] of repositories) {
    const result = spawnSync(timeBin, ['-f', '%M', '-o', out, process.execPath, cli, 'plan', '--json'], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'ignore']
    })
    if (result.status !== 0) return null
    const kb = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1))
    if (!Number.isFinite(kb)) return null
    parts.push(`${name} ${(kb / 1024).toFixed(0)} MB`)
  }
  return parts.join(', ')
}

function ms(value) {
  return `${value.toFixed(0)} ms`
}

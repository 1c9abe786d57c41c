// Planning where most workflows plan: in the depth-1, tagless clone actions/checkout makes by
// default. Each figure is a ratio against what git itself needs for the same answer, measured
// in the same run (the median of --runs), and each run starts from a fresh depth-1 clone whose
// making is not timed.
//
//   node scripts/bench-shallow.mjs [--commits 100000 --runs 5] [--strict] [--breakdown] [--keep]
//
// Two repositories are generated with git fast-import (each commit changes one small file and
// has a Conventional Commit message) into bare origins served over file://, with
// uploadpack.allowFilter on; the first is served once more with it off (a server without
// filters, where every fetch brings trees and files).
//
//   many  2,000 tags spread over the history, annotated and lightweight; the last one 20 commits
//         before HEAD.
//   far   10 tags; the last one half the history (50,000 commits) before HEAD.
//
// Why the baselines are fair. Without tags in the clone, the last release can only be found
// from the remote's refs, and the plan needs the commits since it, their messages only. For
// `many` the baseline is git doing exactly that, and no more: one `ls-remote --tags`, then the
// range fetched as commits without files (`--shallow-exclude` of the last tag, then
// `--deepen=1` to bring the tag's commit), plus Node's start-up, which any tool written for Node
// pays. It is told the answer (the last tag and HEAD) that verso has to work out. For `far` it
// is the other way git offers: fetch the whole history without files and every tag, then plan
// on the complete clone. On a full clone it is `git log` over the range in verso's format, plus
// Node's start-up, as in scripts/bench.mjs; next to it, for reference, a Node program that
// does only the git part of a plan (lists the tags, reads the range) and decides nothing.
//
// Peak memory is Node's own (getrusage of the process, through a preloaded module), not that of
// the git processes it starts. The action's start-up is its bundle run as the runner runs it
// (every input set, the runner's files and event), in plan mode on a small full clone.
//
// --strict exits 1 when a bar is missed. --breakdown prints where each timed check's time went
// (verso's git processes, from GIT_TRACE2_EVENT), as is done anyway for a check that missed.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    strict: { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false }
  }
})
const commits = Number(values.commits)
const runs = Number(values.runs)
if (!(commits >= 4000) || !(runs >= 1)) throw new Error('--commits must be at least 4000 and --runs at least 1')

const BARS = { near: 1.5, nearAbsolute: 1000, far: 1.3, full: 1.2, rss: 100, startup: 100 }
const NEAR = 20 // commits from `many`'s last tag to HEAD
const cli = resolve('dist/cli.js')
const bundle = resolve('dist/index.js')
const root = mkdtempSync(join(tmpdir(), 'verso-bench-shallow-'))
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: root }
const probeFile = join(root, 'probe.json')
const preload = join(root, 'probe.mjs')
const checks = []
let clones = 0

/**
 * Preloaded into the measured Node process: at exit it writes its own peak resident set size
 * (KiB, from getrusage) and when it first wrote to GITHUB_OUTPUT, if it did.
 */
const PROBE = `
import { writeFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { performance } from 'node:perf_hooks'
const fs = createRequire(import.meta.url)('node:fs')
const output = process.env.GITHUB_OUTPUT
let firstOutput = null
if (output) {
  const append = fs.appendFileSync
  fs.appendFileSync = function (path, ...rest) {
    if (firstOutput === null && String(path) === output) firstOutput = performance.timeOrigin + performance.now()
    return append.call(this, path, ...rest)
  }
  syncBuiltinESMExports()
}
process.on('exit', () => {
  writeFileSync(process.env.BENCH_PROBE_FILE, JSON.stringify({ maxRss: process.resourceUsage().maxRSS, firstOutput }))
})
`

/**
 * The least a Node program can do for a full-clone plan, to show how much of a bar is left
 * for the plan itself: list the tags and read the range's messages (git's output spooled to a
 * file, as verso reads it), in two git processes, and count the records. It decides nothing.
 */
const FLOOR = `
import { execFile, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
const [last, spool] = process.argv.slice(2)
await new Promise((done, fail) => execFile('git', ['for-each-ref', '--format=%(refname:strip=2)%00%(objectname)', 'refs/tags'], { maxBuffer: 1 << 28 }, (e) => (e ? fail(e) : done())))
const out = openSync(spool, 'w')
const code = await new Promise((done) => spawn('git', ['log', '-z', '--format=%H%x00%P%x00%B', last + '..HEAD'], { stdio: ['ignore', out, 'inherit'] }).on('close', done))
closeSync(out)
const bytes = readFileSync(spool)
let fields = 0
for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) fields++
process.stdout.write(String(fields / 3))
process.exitCode = code
`
const floor = join(root, 'floor.mjs')

try {
  writeFileSync(preload, PROBE)
  writeFileSync(floor, FLOOR)
  const many = generate('many', {
    commits,
    tags: Array.from({ length: 2000 }, (_, i) => ({ name: version(i), mark: Math.round(((i + 1) * (commits - NEAR)) / 2000) }))
  })
  const far = generate('far', {
    commits,
    tags: Array.from({ length: 10 }, (_, i) => ({ name: `v${i + 1}.0.0`, mark: Math.round(((i + 1) * (commits / 2)) / 10) }))
  })
  const plain = { ...many, name: 'many, no filters', bare: join(root, 'many-nofilter.git') }
  execFileSync('cp', ['-r', many.bare, plain.bare])
  git(plain.bare, ['config', 'uploadpack.allowFilter', 'false'])
  for (const repo of [many, far]) {
    repo.full = join(root, `${repo.name}-full`)
    git(root, ['clone', '-q', `file://${repo.bare}`, repo.full])
  }
  const small = generateSmall()
  console.log(
    `repositories: ${commits} commits each; many: 2000 tags, the last (${many.last}) ${many.expected} commits back; ` +
      `far: 10 tags, the last (${far.last}) ${far.expected} commits back (node ${process.version}, git ${gitVersion()}, ${runs} runs)`
  )

  // Validated before timing: a wrong plan is not worth timing.
  console.log('')
  for (const repo of [many, plain, far]) validateShallow(repo)
  const unshallowed = shallowClone(far)
  git(unshallowed, fetchArgs('--unshallow', '--tags', 'origin'))
  console.log(`far, after git fetch --unshallow --filter=tree:0 --tags instead: ${describeClone(unshallowed)}`)
  rmSync(unshallowed, { recursive: true, force: true })
  for (const repo of [many, far]) validatePlan(repo, repo.full, 'full clone')
  validateAction(small)

  const nearBaseline = (repo) => (dir) => {
    const head = git(dir, ['rev-parse', 'HEAD'])
    return {
      'ls-remote --tags': time('git', ['ls-remote', '--tags', 'origin'], dir),
      'fetch --shallow-exclude': time('git', fetchArgs(`--shallow-exclude=refs/tags/${repo.last}`, 'origin', head), dir),
      'fetch --deepen=1': time('git', fetchArgs('--deepen=1', 'origin', head, `+refs/tags/${repo.last}:refs/tags/${repo.last}`), dir)
    }
  }
  const farBaseline = (dir) => ({
    'fetch --unshallow --tags': time('git', fetchArgs('--unshallow', '--tags', 'origin'), dir),
    'plan on the complete clone': time(process.execPath, [cli, 'plan'], dir)
  })
  const logArgs = (repo) => ['log', '-z', '--format=%H%x00%P%x00%B', `${repo.last}..HEAD`]
  const load = loadavg()[0].toFixed(2)
  const measured = medians([
    ['node', () => ({ node: time(process.execPath, ['-e', '0'], root) })],
    ['many verso', inClone(many, (dir) => ({ plan: time(process.execPath, [cli, 'plan'], dir) }))],
    ['many git', inClone(many, nearBaseline(many))],
    ['plain verso', inClone(plain, (dir) => ({ plan: time(process.execPath, [cli, 'plan'], dir) }))],
    ['plain git', inClone(plain, nearBaseline(plain))],
    ['far verso', inClone(far, (dir) => ({ plan: time(process.execPath, [cli, 'plan'], dir) }))],
    ['far git', inClone(far, farBaseline)],
    ['many full verso', () => ({ plan: time(process.execPath, [cli, 'plan'], many.full) })],
    ['many full git', () => ({ 'git log -z': time('git', logArgs(many), many.full) })],
    ['far full verso', () => ({ plan: time(process.execPath, [cli, 'plan'], far.full) })],
    ['far full git', () => ({ 'git log -z': time('git', logArgs(far), far.full) })],
    ['many full floor', () => ({ floor: time(process.execPath, [floor, many.last, join(root, 'spool')], many.full) })],
    ['far full floor', () => ({ floor: time(process.execPath, [floor, far.last, join(root, 'spool')], far.full) })]
  ])
  const node = measured.get('node').total

  console.log('')
  console.log(`node start-up (node -e 0): ${ms(node)}`)
  for (const [key, label] of [
    ['many git', 'many, git alone'],
    ['plain git', 'many without filters, git alone'],
    ['far git', 'far, git alone']
  ])
    console.log(`${label}: ${describeParts(measured.get(key))}`)

  const figure = (key) => measured.get(key).total
  check('1 many: depth-1 fetch + plan', figure('many verso'), figure('many git') + node, BARS.near)
  check('1 many: depth-1 fetch + plan, absolute', figure('many verso'), null, null, BARS.nearAbsolute)
  check('2 far: depth-1 fetch + plan', figure('far verso'), figure('far git'), BARS.far)
  // No bar of its own: without filters verso fetches what git fetches, so what is over 1 is
  // the overhead case 1 has too; shown against case 1's bar for reference.
  check('3 many, no filters: depth-1 fetch + plan', figure('plain verso'), figure('plain git') + node, BARS.near, null, '1')
  check('4 many: full clone plan', figure('many full verso'), figure('many full git') + node, BARS.full)
  check('4 far: full clone plan', figure('far full verso'), figure('far full git') + node, BARS.full)
  // No bar: the same baseline for a program that only lists the tags and reads the range,
  // the part of each case-4 figure that no Node program planning there avoids.
  check('4 many: the least a Node program does', figure('many full floor'), figure('many full git') + node, BARS.full, null, '4')
  check('4 far: the least a Node program does', figure('far full floor'), figure('far full git') + node, BARS.full, null, '4')
  rss(far)
  const action = startup(small)

  console.log('')
  printChecks()
  const missed = checks.filter((c) => c.pass === false)
  const held = checks.filter((c) => c.pass !== null)
  console.log(
    `\n${held.length} checks with a bar: ${held.length - missed.length} PASS, ${missed.length} FAIL; ${checks.length - held.length} for reference`
  )
  console.log(
    `load average over the last minute: ${load} when timing began, ${loadavg()[0].toFixed(2)} at the end (${availableParallelism()} cores)`
  )
  // Where the time went, for each timed check that missed its bar (for all with --breakdown).
  const explain = (prefix, median, run) => {
    if (!values.breakdown && !checks.some((c) => c.name.startsWith(prefix) && !c.within)) return
    const dir = run.clone ? shallowClone(run.clone) : run.dir
    try {
      breakdown(prefix, median, run.args ?? [cli, 'plan'], dir, run.env)
    } finally {
      if (run.clone) rmSync(dir, { recursive: true, force: true })
    }
  }
  explain('1 many', figure('many verso'), { clone: many })
  explain('2 far', figure('far verso'), { clone: far })
  explain('3 many, no filters', figure('plain verso'), { clone: plain })
  explain('4 many', figure('many full verso'), { dir: many.full })
  explain('4 far', figure('far full verso'), { dir: far.full })
  explain('6 action', action, { dir: small, args: [bundle], env: runnerEnv(small).env })
  if (values.strict && missed.length > 0) process.exitCode = 1
  if (values.keep) console.log(`kept: ${root}`)
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true })
}

/** Version of the i-th of `many`'s tags: rising with the history, through majors, minors and patches. */
function version(i) {
  return `v${1 + Math.floor(i / 200)}.${Math.floor(i / 10) % 20}.${i % 10}`
}

/**
 * A linear history into a bare origin through git fast-import: `commits` commits, each
 * changing one of 50 small files, and the given tags (every other one annotated). The origin
 * is packed as a server keeps it (one pack with bitmaps, a commit-graph) and allows filters.
 */
function generate(name, { commits, tags }) {
  const bare = join(root, `${name}.git`)
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env })
  const types = ['feat', 'fix', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test', 'ci', 'build', 'style']
  const tagsAt = new Map(tags.map((tag, i) => [tag.mark, { ...tag, annotated: i % 2 === 1 }]))
  const lines = []
  for (let mark = 1; mark <= commits; mark++) {
    const type = types[mark % types.length]
    const breaking = mark % 997 === 0 ? '!' : ''
    const body = mark % 10 === 0 ? `\n\nA body that says more about change ${mark}.\n\nRefs: #${mark}\n` : '\n'
    const message = `${type}(area${mark % 13})${breaking}: change number ${mark}${body}`
    const content = `change ${mark}\n`
    lines.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `committer Bench <bench@example.com> ${1_600_000_000 + mark * 60} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message
    )
    if (mark > 1) lines.push(`from :${mark - 1}`)
    if (mark === 1) lines.push('M 100644 inline README.md', 'data 8', '# bench\n')
    lines.push(`M 100644 inline src/f${mark % 50}.txt`, `data ${Buffer.byteLength(content)}`, content, '')
    const tag = tagsAt.get(mark)
    if (tag?.annotated) {
      const text = `Release ${tag.name}\n`
      lines.push(
        `tag ${tag.name}`,
        `from :${mark}`,
        `tagger Bench <bench@example.com> ${1_600_000_000 + mark * 60} +0000`,
        `data ${Buffer.byteLength(text)}`,
        text
      )
    } else if (tag) lines.push(`reset refs/tags/${tag.name}`, `from :${mark}`, '')
  }
  execFileSync('git', ['-C', bare, 'fast-import', '--quiet'], { env, input: lines.join('\n') + '\n', maxBuffer: 1 << 30 })
  git(bare, ['repack', '-adq', '--write-bitmap-index'])
  git(bare, ['commit-graph', 'write', '--reachable'])
  git(bare, ['config', 'uploadpack.allowFilter', 'true'])
  const last = tags.at(-1).name
  return { name, bare, last, expected: Number(git(bare, ['rev-list', '--count', `${last}..main`])) }
}

/** 10 commits, v1.0.0 on the third, cloned in full: the action's start-up, not its reading, is timed. */
function generateSmall() {
  const dir = join(root, 'small')
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env })
  const messages = ['chore: init', 'feat: a start', 'fix: a first fix', 'feat(api): b', 'fix: c', 'docs: d', 'fix: e', 'chore: f']
  messages.push('test: g', 'refactor: h')
  messages.forEach((message, i) => {
    writeFileSync(join(dir, 'file.txt'), `${i}\n`)
    git(dir, ['add', 'file.txt'])
    const date = `${1_600_000_000 + i * 60} +0000`
    execFileSync('git', ['-C', dir, 'commit', '-q', '-m', message], {
      env: { ...env, ...identity(), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
    })
    if (i === 2) git(dir, ['tag', 'v1.0.0'])
  })
  return dir
}

function identity() {
  return { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.com' }
}

/** A fresh clone as actions/checkout makes it by default: one commit deep, no tags. */
function shallowClone(repo) {
  const dir = join(root, 'clones', String(++clones))
  mkdirSync(join(root, 'clones'), { recursive: true })
  execFileSync('git', ['clone', '-q', '--depth=1', '--no-tags', `file://${repo.bare}`, dir], { env })
  return dir
}

/** A measurement that runs in a fresh depth-1 clone, removed after. */
function inClone(repo, measure) {
  return () => {
    const dir = shallowClone(repo)
    try {
      return measure(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The fetch verso makes: commits only, no tags of its own accord, quiet. */
function fetchArgs(...args) {
  return ['fetch', '--no-tags', '--quiet', '--filter=tree:0', ...args]
}

function validateShallow(repo) {
  const dir = shallowClone(repo)
  const { stderr } = validatePlan(repo, dir, 'depth-1 clone')
  for (const line of stderr.split('\n').filter((l) => l.startsWith('verso: shallow clone:'))) console.log(`  ${line}`)
  console.log(`  afterwards: ${describeClone(dir)}`)
  rmSync(dir, { recursive: true, force: true })
}

function describeClone(dir) {
  const kb = Number(execFileSync('du', ['-sk', join(dir, '.git')], { encoding: 'utf8' }).split('\t')[0])
  const promisor = spawnSync('git', ['-C', dir, 'config', 'remote.origin.promisor'], { env, encoding: 'utf8' }).stdout.trim() || 'false'
  const shallow = git(dir, ['rev-parse', '--is-shallow-repository'])
  return `${git(dir, ['rev-list', '--count', 'HEAD'])} commits, shallow ${shallow}, promisor ${promisor}, .git ${(kb / 1024).toFixed(1)} MiB`
}

/** plan --json finds the last tag and every commit since it, as the origin counts them. */
function validatePlan(repo, dir, where) {
  const result = spawnSync(process.execPath, [cli, 'plan', '--json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.status !== 0) fail(`${repo.name} (${where}): verso plan --json failed: ${result.stderr}`)
  const plan = JSON.parse(result.stdout)
  const found = `${plan.previous?.tag ?? null}, ${plan.commits?.length} commits`
  if (plan.previous?.tag !== repo.last || plan.commits?.length !== repo.expected)
    fail(`${repo.name} (${where}): the plan has ${found}, the origin ${repo.last}, ${repo.expected} commits`)
  console.log(`${repo.name} (${where}): verso plan --json: ${found}, as on the origin; next ${plan.next?.version ?? plan.version ?? '?'}`)
  return result
}

/**
 * The median of each measurement's total, and of each of its parts. The measurements take
 * turns (one of each, then again), so that a slow stretch of the machine falls on every one
 * alike; the first round warms the page cache and is not counted.
 */
function medians(measurements) {
  const samples = measurements.map(() => [])
  for (let round = 0; round <= runs; round++) {
    measurements.forEach(([, measure], i) => {
      const parts = measure()
      if (round > 0) samples[i].push(parts)
    })
  }
  const median = (numbers) => numbers.sort((a, b) => a - b)[Math.floor(numbers.length / 2)]
  return new Map(
    measurements.map(([name], i) => {
      const rounds = samples[i]
      const parts = Object.fromEntries(Object.keys(rounds[0]).map((part) => [part, median(rounds.map((r) => r[part]))]))
      return [name, { total: median(rounds.map((r) => Object.values(r).reduce((a, b) => a + b, 0))), parts }]
    })
  )
}

function describeParts({ total, parts }) {
  return `${ms(total)} (${Object.entries(parts)
    .map(([part, value]) => `${part} ${ms(value)}`)
    .join(', ')}; medians of each)`
}

function time(command, args, cwd, extraEnv = {}) {
  const start = performance.now()
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
  const elapsed = performance.now() - start
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed in ${cwd}: ${result.stderr}`)
  return elapsed
}

/**
 * A check of a time against a ratio bar (a baseline given) or an absolute one (`limit`, in ms);
 * `reference` names the check whose bar a figure is shown against, never failed.
 */
function check(name, figure, baseline, ratioBar, limit = null, reference = null) {
  const ratio = baseline === null ? null : figure / baseline
  const within = ratio === null ? figure < limit : ratio <= ratioBar
  const bar = ratio === null ? `< ${limit} ms` : `<= ${ratioBar.toFixed(2)}`
  checks.push({
    name,
    verso: ms(figure),
    baseline: baseline === null ? '-' : ms(baseline),
    ratio: ratio === null ? '-' : ratio.toFixed(2),
    bar: reference ? `none (${bar} in ${reference})` : bar,
    // A reference figure is reported, never failed.
    pass: reference ? null : within,
    within
  })
}

function printChecks() {
  const columns = ['name', 'verso', 'baseline', 'ratio', 'bar']
  const widths = columns.map((c) => Math.max(c.length, ...checks.map((row) => row[c].length)))
  const line = (row) => columns.map((c, i) => row[c].padEnd(widths[i])).join('  ')
  console.log(`${line({ name: 'check', verso: 'verso', baseline: 'baseline', ratio: 'ratio', bar: 'bar' })}  result`)
  for (const row of checks)
    console.log(`${line(row)}  ${row.pass === null ? `INFO (${row.within ? 'within' : 'over'} it)` : row.pass ? 'PASS' : 'FAIL'}`)
}

/**
 * Peak resident memory of Node's own process (its getrusage, as the preloaded probe reports
 * it at exit), so git's processes are not counted. The bar is in MiB (2^20 bytes), the unit
 * this project's earlier figures were in; MB (10^6 bytes) are shown next to it.
 */
function rss(repo) {
  const dir = shallowClone(repo)
  try {
    probe([cli, 'plan'], dir) // verso fetches the range; then it is in the clone
    const peak = (args, cwd) => {
      const samples = Array.from({ length: runs }, () => probe(args, cwd, { apart: true }).maxRss * 1024)
      return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]
    }
    const both = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB (${(bytes / 1e6).toFixed(1)} MB)`
    const node = peak(['-e', '0'], root)
    console.log(`peak RSS of node -e 0 (its own process): ${both(node)}`)
    for (const [label, args] of [
      ['plan', [cli, 'plan']],
      ['plan --json', [cli, 'plan', '--json']]
    ]) {
      const bytes = peak(args, dir)
      checks.push({
        name: `5 far: peak RSS of ${label} (${repo.expected} commits)`,
        verso: both(bytes),
        baseline: `node -e 0 ${(node / 2 ** 20).toFixed(1)} MiB`,
        ratio: '-',
        bar: `<= ${BARS.rss} MiB`,
        pass: bytes <= BARS.rss * 2 ** 20,
        within: bytes <= BARS.rss * 2 ** 20
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Runs Node with the probe preloaded; what the probe saw, with the spawn's start on the same
 * clock. `apart`: started by a shell, so that no page of this large process, forked with it,
 * counts towards the measured one's peak.
 */
function probe(args, cwd, { extraEnv = {}, apart = false } = {}) {
  rmSync(probeFile, { force: true })
  const node = [process.execPath, '--import', `file://${preload}`, ...args]
  const [command, ...rest] = apart ? ['/bin/sh', '-c', '"$@"; exit $?', 'sh', ...node] : node
  const start = performance.timeOrigin + performance.now()
  const result = spawnSync(command, rest, {
    cwd,
    env: { ...env, ...extraEnv, BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30
  })
  if (result.status !== 0) fail(`${args.join(' ')} failed in ${cwd}: ${result.stderr}`)
  return { ...JSON.parse(readFileSync(probeFile, 'utf8')), start }
}

/** The runner's files and variables for one run of the bundle, as test/support/runner.ts sets them. */
function runnerEnv(dir) {
  const files = mkdtempSync(join(root, 'runner-'))
  const require = createRequire(import.meta.url)
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json')
  const payload = JSON.parse(JSON.stringify(examples.find((e) => e.name === 'push').examples[0]))
  payload.ref = 'refs/heads/main'
  payload.after = git(dir, ['rev-parse', 'HEAD'])
  payload.repository.default_branch = 'main'
  writeFileSync(join(files, 'output'), '')
  writeFileSync(join(files, 'summary'), '')
  writeFileSync(join(files, 'event.json'), JSON.stringify(payload))
  const action = parse(readFileSync(resolve('action.yml'), 'utf8'))
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, spec.default ?? ''])
  )
  return {
    files,
    env: {
      ...inputs,
      INPUT_MODE: 'plan',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(files, 'event.json'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      RUNNER_TEMP: files
    }
  }
}

function validateAction(dir) {
  const runner = runnerEnv(dir)
  const result = spawnSync(process.execPath, [bundle], { cwd: dir, env: { ...env, ...runner.env }, encoding: 'utf8' })
  const outputs = readOutputs(join(runner.files, 'output'))
  if (result.status !== 0 || outputs.version !== '1.1.0' || outputs['previous-tag'] !== 'v1.0.0')
    fail(`the action's plan is ${outputs['previous-tag']} -> ${outputs.version}, not v1.0.0 -> 1.1.0: ${result.stdout}${result.stderr}`)
  console.log(`small (full clone, ${git(dir, ['rev-list', '--count', 'HEAD'])} commits): the action plans v1.0.0 -> ${outputs.version}`)
}

/** The `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function readOutputs(file) {
  const outputs = {}
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

/**
 * The bundle's wall time to completion, and to its first line in GITHUB_OUTPUT (from the
 * probe, in separate runs so that the timed ones run as the runner runs them), next to
 * Node's start-up.
 */
function startup(dir) {
  const runner = runnerEnv(dir)
  const reset = () => {
    writeFileSync(join(runner.files, 'output'), '')
    writeFileSync(join(runner.files, 'summary'), '')
  }
  const measured = medians([
    ['node', () => ({ node: time(process.execPath, ['-e', '0'], root) })],
    ['action', () => (reset(), { action: time(process.execPath, [bundle], dir, runner.env) })],
    [
      'first output',
      () => {
        reset()
        const seen = probe([bundle], dir, { extraEnv: runner.env })
        return { first: seen.firstOutput - seen.start }
      }
    ]
  ])
  const node = measured.get('node').total
  const total = measured.get('action').total
  const first = measured.get('first output').total
  console.log(
    `action bundle (plan mode, small full clone): to completion ${ms(total)}; to its first output line ${ms(first)} ` +
      `(the outputs' defaults, set as it starts; probed runs), ${ms(first - node)} after node's start-up; node -e 0 ${ms(node)}`
  )
  const own = total - node
  checks.push({
    name: '6 action bundle: start-up, less node start-up',
    verso: `${ms(own)} (total ${ms(total)})`,
    baseline: `node ${ms(node)}`,
    ratio: '-',
    bar: `< ${BARS.startup} ms`,
    pass: own < BARS.startup,
    within: own < BARS.startup
  })
  return total
}

/**
 * Where one run's time went, from GIT_TRACE2_EVENT: each git process verso started, when (from
 * the spawn of node) and for how long, with the processes git started in turn (the origin's
 * upload-pack, index-pack); then how much of the wall time no git process was running.
 */
function breakdown(label, median, args, cwd, extraEnv = {}) {
  const trace = join(root, 'trace2.json')
  rmSync(trace, { force: true })
  const start = Date.now()
  const wall = time(process.execPath, args, cwd, { ...extraEnv, GIT_TRACE2_EVENT: trace })
  const processes = new Map()
  for (const line of readFileSync(trace, 'utf8').split('\n').filter(Boolean)) {
    const event = JSON.parse(line)
    if (event.event === 'start') processes.set(event.sid, { argv: event.argv, at: Date.parse(event.time) - start, elapsed: 0 })
    if (event.event === 'exit' && processes.has(event.sid)) processes.get(event.sid).elapsed = event.t_abs * 1000
  }
  console.log(`\n${label}: where a traced run's ${ms(wall)} went (the median untraced run took ${ms(median)}):`)
  const top = []
  for (const [sid, p] of processes) {
    const depth = sid.split('/').length - 1
    if (depth > 1) continue
    if (depth === 0) top.push(p)
    const [program, ...rest] = p.argv
    const argv = [basename(program) === 'git' ? 'git' : basename(program), ...rest].join(' ')
    console.log(
      `  ${'  '.repeat(depth)}+${String(p.at).padStart(5)} ms ${ms(p.elapsed).padStart(7)}  ${argv.length > 110 ? `${argv.slice(0, 110)}…` : argv}`
    )
  }
  if (top.length === 0) return
  // The union of the git processes' intervals: some run side by side.
  let busy = 0
  let reach = -Infinity
  for (const p of [...top].sort((a, b) => a.at - b.at)) {
    const end = p.at + p.elapsed
    if (end > reach) busy += end - Math.max(p.at, reach)
    reach = Math.max(reach, end)
  }
  const first = Math.min(...top.map((p) => p.at))
  console.log(
    `  ${top.length} git processes, running for ${ms(busy)} of it; before the first: ${ms(first)}; ` +
      `between them, no git running: ${ms(reach - first - busy)}; after the last: ${ms(Math.max(0, wall - reach))}`
  )
}

function git(dir, args) {
  return execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
}

function gitVersion() {
  return execFileSync('git', ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^git version /, '')
}

function fail(message) {
  throw new Error(`bench-shallow: ${message}`)
}

function ms(value) {
  return `${value.toFixed(0)} ms`
}

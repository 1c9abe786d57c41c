// verso next to other tools that decide a version from Conventional Commits, timed on the same
// repositories in the same run, each tool's answer printed next to its time.
//
//   npm run bench -- --peers [--runs 5]
//   node scripts/bench-peers.mjs [--runs 5 --timeout 120 --sizes 2000:50,20000:500] [--keep]
//
// The peers are installed with `npm install --prefix <folder> --no-save` at the pinned versions
// below, into a folder under the system's temporary directory named after those versions, so a
// second run reuses it. They are never dependencies of verso.
//
// Each repository is generated with `git fast-import` into a bare origin and cloned in full over
// file:// (the peers read the whole history). Its releases v1.0.0, v1.0.1, ... follow the
// Conventional Commits rules (feat minor, fix and perf patch, breaking major; a few breaking
// changes, written as `type!:` or as a `BREAKING CHANGE:` footer), some tags annotated and some
// lightweight. The commits after the last tag give each repository a known answer: in the first
// size they include a `feat(api)!:` (a major), in the others only fixes, performance work and
// chores (a patch).
//
// Each tool runs as a user runs it, from the clone, `--runs` times after one warm-up, under GNU
// time for the peak resident set size (of the largest single process the tool started). A run
// past `--timeout` seconds is killed with its process group and shown as timed out.
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { clearTimeout, setTimeout } from 'node:timers'
import { parseArgs } from 'node:util'
import semver from 'semver'

// Each peer gets its own folder: semantic-release's notes generator renders with
// conventional-changelog-writer 8, which the conventionalcommits preset 10 refuses, so it takes the
// preset's 9.x line while conventional-recommended-bump takes the current one.
const PEERS = {
  'semantic-release': {
    'semantic-release': '25.0.9',
    '@semantic-release/commit-analyzer': '13.0.1',
    '@semantic-release/release-notes-generator': '14.1.1',
    'conventional-changelog-conventionalcommits': '9.3.1'
  },
  'conventional-recommended-bump': { 'conventional-recommended-bump': '12.1.0', 'conventional-changelog-conventionalcommits': '10.4.1' },
  'commit-and-tag-version': { 'commit-and-tag-version': '13.2.1' },
  'git-cliff': { 'git-cliff': '2.14.2' }
}

// The rules as the Conventional Commits specification and verso's defaults state them, and the
// variants that account for an answer that differs from them.
const standardRules = { bang: true, footer: true, everyCommitPatch: false }
const variants = [
  { rules: { bang: false, footer: true, everyCommitPatch: false }, why: 'a `type!:` header is not read as a breaking change' },
  { rules: { bang: true, footer: true, everyCommitPatch: true }, why: 'every commit, of any type, releases at least a patch' },
  {
    rules: { bang: false, footer: true, everyCommitPatch: true },
    why: 'a `type!:` header is not breaking and every commit releases at least a patch'
  }
]

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '120' },
    sizes: { type: 'string', default: '2000:50,20000:500' },
    keep: { type: 'boolean', default: false }
  }
})
const runs = Number(values.runs)
const timeoutMs = Number(values.timeout) * 1000
const sizes = values.sizes.split(',').map((size) => {
  const [commits, tags] = size.split(':').map(Number)
  if (!(tags >= 2) || !(commits >= 20 * tags)) throw new Error(`--sizes ${size}: give COMMITS:TAGS, at least 20 commits per tag and 2 tags`)
  return { commits, tags }
})
if (!(runs >= 1) || !(timeoutMs > 0)) throw new Error('--runs must be at least 1 and --timeout a number of seconds')

const GNU_TIME = '/usr/bin/time'
const hasGnuTime = existsSync(GNU_TIME) && spawnText(GNU_TIME, ['--version']).includes('GNU')
const cli = resolve('dist/cli.js')
const root = mkdtempSync(join(tmpdir(), 'verso-bench-peers-run-'))
// What the tools see: no user or system git configuration, no CI variables, no colours.
const env = {
  PATH: process.env.PATH,
  HOME: root,
  LANG: 'C.UTF-8',
  TZ: 'UTC',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com'
}

try {
  const peers = installPeers()
  const tools = defineTools(peers)
  console.log(
    `node ${process.version}, ${spawnText('git', ['--version']).trim()}, ${runs} runs after a warm-up, timeout ${values.timeout} s`
  )
  if (!hasGnuTime) console.log(`${GNU_TIME} (GNU time) is not installed: peak RSS is not measured (apt-get install time)`)
  console.log('')

  const rows = []
  const notes = []
  for (const size of sizes) {
    const repo = generate(size)
    console.log(
      `repository ${repo.name}: ${repo.commits} commits, ${repo.tags} tags, last ${repo.lastTag}, ` +
        `${repo.tail.length} commits since it; by the rules the next version is ${repo.expected}`
    )
    for (const tool of tools) {
      const result = await measure(tool, repo)
      rows.push({ tool, repo, result })
      const shown = result.kind === 'ok' ? `${seconds(result.median)}  ${megabytes(result.rss)}  ${result.decision.shown}` : result.kind
      console.log(`  ${tool.name}: ${shown}`)
      if (result.kind === 'ok' && result.decision.version !== repo.expected) notes.push(explain(tool, repo, result.decision.version))
      if (result.kind === 'failed') notes.push(`${tool.name} on ${repo.name} failed: ${result.message}`)
    }
    console.log('')
  }

  console.log('| tool | version | repository | median s | peak RSS MB | decided version |')
  console.log('|---|---|---|---:|---:|---|')
  for (const { tool, repo, result } of rows) {
    const cells =
      result.kind === 'ok'
        ? [seconds(result.median), megabytes(result.rss), result.decision.shown]
        : result.kind === 'timed out'
          ? [`timed out (> ${values.timeout} s)`, '', '']
          : ['failed', '', '']
    console.log(`| ${tool.name} | ${tool.version} | ${repo.name} | ${cells.join(' | ')} |`)
  }
  console.log('')
  if (notes.length === 0) console.log('Every tool that finished decided the version the rules give.')
  for (const note of notes) console.log(`Note: ${note}`)
  for (const tool of tools) if (tool.remark) console.log(`${tool.name}: ${tool.remark}`)
} finally {
  if (values.keep) console.log(`kept ${root}`)
  else rmSync(root, { recursive: true, force: true })
}

/** Installs each peer once per set of versions into its own folder; later runs reuse them. */
function installPeers() {
  const key = createHash('sha256').update(JSON.stringify(PEERS)).digest('hex').slice(0, 12)
  const base = join(tmpdir(), `verso-bench-peers-${key}`)
  const folders = {}
  for (const [peer, packages] of Object.entries(PEERS)) {
    const dir = join(base, peer)
    const marker = join(dir, 'installed.json')
    folders[peer] = dir
    if (existsSync(marker)) {
      const installed = JSON.parse(readFileSync(marker, 'utf8'))
      console.log(
        `${peer}: reused ${dir} (${installed.count} packages, installed in ${installed.seconds.toFixed(1)} s, ${installed.megabytes.toFixed(0)} MB on disk)`
      )
      continue
    }
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`)
    const start = process.hrtime.bigint()
    const said = execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const count = Number(/added (\d+) package/.exec(said)?.[1] ?? NaN)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const megabytes = diskUsage(join(dir, 'node_modules')) / 1e6
    writeFileSync(marker, JSON.stringify({ seconds, megabytes, count, packages }))
    console.log(
      `${peer}: npm install --no-save ${specs.join(' ')}: ${count} packages, ${seconds.toFixed(1)} s, ${megabytes.toFixed(0)} MB on disk`
    )
  }
  return folders
}

function defineTools(peers) {
  const bin = (name) => {
    const manifest = JSON.parse(readFileSync(join(peers[name], 'node_modules', name, 'package.json'), 'utf8'))
    return join(peers[name], 'node_modules', name, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name])
  }
  const pinned = (peer, name = peer) => PEERS[peer][name]
  // Shareable configs beside the plugins, so semantic-release loads them from the peer's folder.
  const releaseConfig = (preset) => {
    const path = join(peers['semantic-release'], `bench-releaserc-${preset ?? 'default'}.cjs`)
    const options = preset ? { preset } : {}
    const plugins = [
      ['@semantic-release/commit-analyzer', options],
      ['@semantic-release/release-notes-generator', options]
    ]
    writeFileSync(path, `module.exports = ${JSON.stringify({ plugins })}\n`)
    return path
  }
  const semanticRelease = (config) => (repo) => [
    process.execPath,
    bin('semantic-release'),
    '--dry-run',
    '--no-ci',
    '--branches',
    'main',
    '--repository-url',
    `file://${repo.origin}`,
    '--extends',
    config
  ]
  const semanticReleaseDecision = (out) => {
    const next = /The next release version is (\S+)/.exec(out)
    if (next) return version(next[1])
    if (/no relevant changes|no new version is released/i.test(out)) return version('none')
    return null
  }
  const cliffBinary = join(peers['git-cliff'], 'node_modules', `git-cliff-${process.platform}-${process.arch}`, 'bin', 'git-cliff')
  const head = spawnText('git', ['rev-parse', '--short', 'HEAD']).trim()

  return [
    {
      name: 'verso',
      version: `${spawnText(process.execPath, [cli, '--version'])
        .trim()
        .replace(/^verso /, '')} (${head})`,
      command: () => [process.execPath, cli, 'plan', '--json'],
      decide: (out) => {
        const plan = JSON.parse(out)
        return version(plan.kind === 'release' ? plan.next.version : 'none')
      }
    },
    {
      name: 'semantic-release',
      version: pinned('semantic-release'),
      remark:
        '--dry-run --no-ci, plugins commit-analyzer and release-notes-generator with the conventionalcommits preset ' +
        `${pinned('semantic-release', 'conventional-changelog-conventionalcommits')}, ` +
        'branches main, the bare origin as repositoryUrl (file://).',
      command: semanticRelease(releaseConfig('conventionalcommits')),
      decide: semanticReleaseDecision
    },
    {
      name: 'semantic-release (default preset)',
      version: pinned('semantic-release'),
      remark: 'the same with the plugins as they come: their default preset, angular.',
      command: semanticRelease(releaseConfig(null)),
      decide: semanticReleaseDecision
    },
    {
      name: 'conventional-recommended-bump',
      version: pinned('conventional-recommended-bump'),
      remark:
        'answers a bump, not a version: the version shown is that bump applied to the last tag. Preset conventionalcommits ' +
        `(conventional-changelog-conventionalcommits ${pinned('conventional-recommended-bump', 'conventional-changelog-conventionalcommits')}).`,
      command: () => [process.execPath, bin('conventional-recommended-bump'), '--preset', 'conventionalcommits'],
      decide: (out, repo) => {
        const bump = out.trim().split('\n').pop()?.trim()
        if (!['major', 'minor', 'patch'].includes(bump)) return out.trim() === '' ? version('none') : null
        return { version: semver.inc(repo.lastTag.slice(1), bump), shown: `${semver.inc(repo.lastTag.slice(1), bump)} (${bump})` }
      }
    },
    {
      name: 'commit-and-tag-version',
      version: pinned('commit-and-tag-version'),
      remark: '--dry-run, no package.json (it reads the last version from the tags).',
      command: () => [process.execPath, bin('commit-and-tag-version'), '--dry-run'],
      decide: (out) => {
        const tag = /tagging release v?(\S+)/.exec(out)
        return tag ? version(tag[1]) : null
      }
    },
    {
      name: 'git-cliff',
      version: pinned('git-cliff'),
      remark: "--bumped-version --unreleased, its default configuration; run through the npm package's bin (a Node wrapper).",
      command: () => [process.execPath, bin('git-cliff'), '--bumped-version', '--unreleased'],
      decide: (out) => version(out.trim().split('\n').pop().trim().replace(/^v/, ''))
    },
    {
      name: 'git-cliff (binary)',
      version: pinned('git-cliff'),
      remark: 'the same, running the platform binary the npm package ships, without Node.',
      command: () => [cliffBinary, '--bumped-version', '--unreleased'],
      decide: (out) => version(out.trim().split('\n').pop().trim().replace(/^v/, ''))
    }
  ]
}

function version(value) {
  return { version: value, shown: value }
}

/** One warm-up run, which also gives the tool's answer, then `runs` timed runs. */
async function measure(tool, repo) {
  const [command, ...args] = tool.command(repo)
  const times = []
  let rss = null
  let decision = null
  for (let i = 0; i <= runs; i++) {
    const run = await runTimed(command, args, repo.work)
    if (run.kind === 'timed out') return run
    if (run.status !== 0) return { kind: 'failed', message: `exit status ${run.status}: ${lastLines(run.stderr || run.stdout)}` }
    if (i === 0) {
      try {
        decision = tool.decide(run.stdout, repo)
      } catch (error) {
        return { kind: 'failed', message: `its output could not be read (${error.message}): ${lastLines(run.stdout)}` }
      }
      if (!decision) return { kind: 'failed', message: `no version in its output: ${lastLines(run.stdout)}` }
      continue
    }
    times.push(run.ms)
    if (run.rss !== null) rss = Math.max(rss ?? 0, run.rss)
  }
  times.sort((a, b) => a - b)
  return { kind: 'ok', median: times[Math.floor(times.length / 2)], rss, decision }
}

/** Runs one command in its own process group, so that a timeout kills what it started too. */
function runTimed(command, args, cwd) {
  const rssFile = join(root, 'rss')
  rmSync(rssFile, { force: true })
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args]
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint()
    const child = spawn(file, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      process.kill(-child.pid, 'SIGKILL')
    }, timeoutMs)
    child.on('error', fail)
    child.on('close', (status) => {
      clearTimeout(timer)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (timedOut) return done({ kind: 'timed out' })
      const rss = hasGnuTime && existsSync(rssFile) ? lastNumber(readFileSync(rssFile, 'utf8')) * 1024 : null
      done({ kind: 'ran', status, ms, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), rss })
    })
  })
}

/**
 * A linear history with `tags` releases spread over `commits` commits, each release versioned by
 * the Conventional Commits rules from the commits since the one before, then the commits of the
 * next release. Written into a bare origin and cloned from it in full.
 */
function generate({ commits, tags }) {
  const name = `${commits.toLocaleString('en-US')} commits / ${tags} tags`
  const dir = join(root, `${commits}-${tags}`)
  const origin = join(dir, 'origin.git')
  const work = join(dir, 'work')
  const random = seeded(commits * 7919 + tags)
  const pick = (items) => items[Math.floor(random() * items.length)]
  const weighted = ['feat', 'feat', 'feat', 'fix', 'fix', 'fix', 'fix', 'perf', 'chore', 'chore', 'docs', 'docs', 'refactor', 'test', 'ci']
  const scopes = ['api', 'cli', 'core', 'parser', 'ui', 'deps']
  const perRelease = Math.floor(commits / (tags + 1))
  const firstSize = sizes[0].commits === commits && sizes[0].tags === tags
  const tail = Array.from({ length: perRelease }, () => ({
    type: firstSize ? pick(weighted) : pick(['fix', 'fix', 'perf', 'chore', 'docs', 'refactor', 'test', 'ci']),
    breaking: null
  }))
  if (firstSize) tail[Math.floor(tail.length / 2)] = { type: 'feat', scope: 'api', breaking: 'bang' }
  else tail[0] = { type: 'fix', breaking: null }

  const lines = []
  let mark = 0
  let time = 1_600_000_000
  const write = (change, n) => {
    mark++
    time += 60 + Math.floor(random() * 600)
    const scope = change.scope ?? (random() < 0.5 ? pick(scopes) : null)
    const header = `${change.type}${scope ? `(${scope})` : ''}${change.breaking === 'bang' ? '!' : ''}: change ${n} to ${pick(['the parser', 'the config', 'the output', 'errors', 'the docs', 'the tests'])}`
    const body = random() < 0.2 ? `\n\nWhy change ${n}: it makes the next step simpler.` : ''
    const footers = [
      ...(change.breaking === 'footer' ? [`BREAKING CHANGE: change ${n} removes an option.`] : []),
      ...(random() < 0.1 ? [`Refs: #${n}`] : [])
    ]
    const message = `${header}${body}${footers.length > 0 ? `\n\n${footers.join('\n')}` : ''}\n`
    const content = `change ${n}\n`
    lines.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `author Bench <bench@example.com> ${time} +0000`,
      `committer Bench <bench@example.com> ${time} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message.slice(0, -1),
      ...(mark > 1 ? [`from :${mark - 1}`] : []),
      `M 100644 inline src/${scope ?? 'main'}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content.slice(0, -1),
      ''
    )
  }

  let current = null
  let n = 0
  for (let release = 0; release < tags; release++) {
    // The first release takes what the even split leaves over.
    const length = release === 0 ? commits - perRelease * tags : perRelease
    const range = Array.from({ length }, () => {
      const breaking = random() < 1 / 600 ? (random() < 0.5 ? 'bang' : 'footer') : null
      return { type: breaking ? pick(['feat', 'fix', 'refactor']) : pick(weighted), breaking }
    })
    if (!range.some((change) => bumpOf(change, standardRules) !== 'none')) range[0] = { type: 'fix', breaking: null }
    for (const change of range) write(change, n++)
    current = current === null ? '1.0.0' : semver.inc(current, nextBump(range, standardRules))
    const tag = `v${current}`
    if (release % 2 === 0) {
      const message = `Release ${tag}\n`
      lines.push(
        `tag ${tag}`,
        `from :${mark}`,
        `tagger Bench <bench@example.com> ${time} +0000`,
        `data ${Buffer.byteLength(message)}`,
        message.slice(0, -1),
        ''
      )
    } else {
      lines.push(`reset refs/tags/${tag}`, `from :${mark}`, '')
    }
  }
  for (const change of tail) write(change, n++)

  mkdirSync(dir, { recursive: true })
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin], { env })
  execFileSync('git', ['-C', origin, 'fast-import', '--quiet'], { env, input: lines.join('\n') + '\n', maxBuffer: 1 << 30 })
  execFileSync('git', ['clone', '-q', `file://${origin}`, work], { env })
  const lastTag = `v${current}`
  return {
    name,
    commits,
    tags,
    origin,
    work,
    lastTag,
    tail,
    expected: semver.inc(current, nextBump(tail, standardRules)) ?? 'none'
  }
}

function bumpOf(change, rules) {
  if ((change.breaking === 'bang' && rules.bang) || (change.breaking === 'footer' && rules.footer)) return 'major'
  if (change.type === 'feat') return 'minor'
  if (change.type === 'fix' || change.type === 'perf' || rules.everyCommitPatch) return 'patch'
  return 'none'
}

function nextBump(changes, rules) {
  const rank = { none: 0, patch: 1, minor: 2, major: 3 }
  const bump = changes.map((change) => bumpOf(change, rules)).reduce((a, b) => (rank[b] > rank[a] ? b : a), 'none')
  return bump === 'none' ? null : bump
}

function explain(tool, repo, decided) {
  const last = repo.lastTag.slice(1)
  const match = variants.find(({ rules }) => (semver.inc(last, nextBump(repo.tail, rules)) ?? 'none') === decided)
  const why = match ? `its answer is what the commits give when ${match.why}` : 'no variant of the rules accounts for it'
  return `${tool.name} decided ${decided} on ${repo.name}, where the rules give ${repo.expected}: ${why}.`
}

function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function diskUsage(path) {
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.blocks * 512
  return readdirSync(path).reduce((total, entry) => total + diskUsage(join(path, entry)), stats.blocks * 512)
}

function spawnText(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch {
    return ''
  }
}

function lastNumber(text) {
  return Number(text.trim().split('\n').pop())
}

function lastLines(text) {
  return text.trim().split('\n').slice(-3).join(' / ').slice(0, 400)
}

function seconds(ms) {
  return (ms / 1000).toFixed(2)
}

function megabytes(bytes) {
  return bytes === null ? 'n/a' : (bytes / 1e6).toFixed(0)
}

// Planning speed on a large repository, as a ratio against what it cannot avoid:
// `git log` over the same range plus Node's start-up, measured in the same run. Then the
// depth-1 clone benchmark (scripts/bench-shallow.mjs): fetch and plan against what git needs
// for the same answer; `--shallow-commits 0` leaves it out. Then the monorepo benchmark
// (scripts/bench-packages.mjs): P packages against one package on the same history;
// `--packages 0` leaves it out.
//
//   npm run bench [-- --commits 50000 --tags 2000 --runs 5 --shallow-commits 100000 --packages 20 --package-commits 20000]
//   npm run bench -- --peers [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '50000' },
    tags: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    'shallow-commits': { type: 'string', default: '100000' },
    packages: { type: 'string', default: '20' },
    'package-commits': { type: 'string', default: '20000' },
    peers: { type: 'boolean', default: false }
  }
})
// `--peers` times other tools next to verso instead (scripts/bench-peers.mjs).
if (values.peers) {
  const peers = spawnSync(process.execPath, [resolve('scripts/bench-peers.mjs'), '--runs', values.runs], { stdio: 'inherit' })
  process.exit(peers.status ?? 1)
}
const commits = Number(values.commits)
const tags = Number(values.tags)
const runs = Number(values.runs)
const cli = resolve('dist/cli.js')
const dir = mkdtempSync(join(tmpdir(), 'verso-bench-'))
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: dir }

try {
  generate()
  const lastTag = `v1.${tags - 1}.0`
  const logArgs = ['-C', dir, 'log', '-z', '--format=%H%x00%P%x00%B', `${lastTag}..HEAD`]
  const count = execFileSync('git', ['-C', dir, 'rev-list', '--count', `${lastTag}..HEAD`], { env, encoding: 'utf8' }).trim()
  const tagCount = execFileSync('git', ['-C', dir, 'tag'], { env, encoding: 'utf8' }).trim().split('\n').length
  console.log(`repository: ${count} commits since ${lastTag}, ${tagCount} tags (node ${process.version})`)

  const gitLog = median(() => time('git', ['-C', dir, 'log', `${lastTag}..HEAD`]))
  const gitLogZ = median(() => time('git', logArgs))
  const nodeStart = median(() => time(process.execPath, ['-e', '0']))
  const plan = median(() => time(process.execPath, [cli, 'plan'], dir))
  const planJson = median(() => time(process.execPath, [cli, 'plan', '--json'], dir))
  const check = JSON.parse(execFileSync(process.execPath, [cli, 'plan', '--json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 }))
  if (check.previous?.tag !== lastTag || check.commits.length !== Number(count))
    throw new Error('the plan did not find the last tag and every commit since it')

  console.log(
    `git log ${lastTag}..HEAD: ${ms(gitLog)}   the same with verso's format (-z, full messages): ${ms(gitLogZ)}   node start-up: ${ms(nodeStart)}`
  )
  console.log(`verso plan: ${ms(plan)}   verso plan --json (every commit printed): ${ms(planJson)}`)
  for (const [name, base] of [
    ['git log', gitLog],
    ["git log in verso's format", gitLogZ]
  ]) {
    const budget = base + nodeStart
    console.log(
      `ratio to ${name} + node start-up: plan ${(plan / budget).toFixed(2)}, plan --json ${(planJson / budget).toFixed(2)} (the bar is 2.00)`
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

if (Number(values['shallow-commits']) > 0) {
  console.log('')
  const shallow = spawnSync(
    process.execPath,
    [resolve('scripts/bench-shallow.mjs'), '--commits', values['shallow-commits'], '--runs', String(runs)],
    { stdio: 'inherit' }
  )
  if (shallow.status !== 0) process.exitCode = shallow.status ?? 1
}

if (Number(values.packages) > 0) {
  console.log('')
  const monorepo = spawnSync(
    process.execPath,
    [resolve('scripts/bench-packages.mjs'), '--packages', values.packages, '--commits', values['package-commits'], '--runs', String(runs)],
    { stdio: 'inherit' }
  )
  if (monorepo.status !== 0) process.exitCode = monorepo.status ?? 1
}

/** A linear history through git fast-import: `tags` tagged releases, then `commits` commits. */
function generate() {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env })
  const lines = []
  let mark = 0
  const types = ['feat', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test']
  const commit = (message) => {
    mark++
    const data = Buffer.byteLength(message)
    lines.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `committer Bench <bench@example.com> ${1_600_000_000 + mark} +0000`,
      `data ${data}`,
      message
    )
    if (mark > 1) lines.push(`from :${mark - 1}`)
    lines.push('')
  }
  for (let i = 0; i < tags; i++) {
    commit(`fix: release ${i}\n`)
    lines.push(`reset refs/tags/v1.${i}.0`, `from :${mark}`, '')
  }
  for (let i = 0; i < commits; i++) {
    const type = types[i % types.length]
    const body = i % 10 === 0 ? `\n\nA body that says more about change ${i}.\n\nRefs: #${i}\n` : '\n'
    commit(`${type}(area${i % 13}): change number ${i}${body}`)
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { env, input: lines.join('\n') + '\n', maxBuffer: 1 << 30 })
  execFileSync('git', ['-C', dir, 'checkout', '-q', 'main'], { env })
}

function time(command, args, cwd) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
  return Number(process.hrtime.bigint() - start) / 1e6
}

function median(measure) {
  measure() // warm the page cache
  const samples = Array.from({ length: runs }, measure).sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

function ms(value) {
  return `${value.toFixed(0)} ms`
}

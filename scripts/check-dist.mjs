// Fails when the committed dist/ is not what the sources build to.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = mkdtempSync(join(tmpdir(), 'verso-dist-'))
try {
  execFileSync(process.execPath, ['scripts/build.mjs', out], { stdio: 'inherit' })
  const built = readdirSync(out, { recursive: true }).sort()
  const committed = readdirSync('dist', { recursive: true }).sort()
  const stale = [...new Set([...built, ...committed])].filter((f) => {
    try {
      const a = join(out, f)
      const b = join('dist', f)
      return statSync(a).isFile() !== statSync(b).isFile() || (statSync(a).isFile() && !readFileSync(a).equals(readFileSync(b)))
    } catch {
      return true
    }
  })
  if (stale.length) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run build\` and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ is up to date.')
} finally {
  rmSync(out, { recursive: true, force: true })
}

// Builds dist/index.js (the action) and dist/cli.js (the `verso` command) from src/.
// The output is deterministic: CI rebuilds it and fails when the committed dist/ differs.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const outdir = process.argv[2] ?? 'dist'

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.VERSO_VERSION': JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies still call require() for Node's own modules.
  banner: { js: "import { createRequire as __verso_createRequire } from 'node:module';\nconst require = __verso_createRequire(import.meta.url);" }
}

await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: `${outdir}/index.js` })
await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: `${outdir}/cli.js`, banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } })

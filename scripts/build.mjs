// Builds dist/index.js (the action) and dist/cli.js (the `verso` command) from src/, with
// the modules only some runs need (the GitHub client, the release-image check) in shared
// chunks loaded on demand, so `verso plan` starts fast. The output is deterministic: CI
// rebuilds it and fails when the committed dist/ differs.
import { build } from 'esbuild'
import { chmodSync, readFileSync, rmSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const outdir = process.argv[2] ?? 'dist'

/**
 * `@actions/core` imports an HTTP client (for `getIDToken`, with undici: 800 KB) and
 * `@actions/exec` (for `platform`) as it loads; verso calls neither. Those packages only
 * declare things when they load, so esbuild may leave them out wherever none of their
 * exports is used: the action then starts without them, and the GitHub client still has them.
 */
const declarationsOnly = {
  name: 'declarations-only',
  setup(build) {
    build.onResolve({ filter: /^@actions\/(?:http-client|exec|io)(?:\/|$)/ }, async (args) => {
      if (args.pluginData?.declarationsOnly) return undefined
      const { path, external, namespace, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { declarationsOnly: true }
      })
      return errors.length ? { errors } : { path, external, namespace, sideEffects: false }
    })
  }
}

rmSync(outdir, { recursive: true, force: true })
await build({
  plugins: [declarationsOnly],
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.VERSO_VERSION': JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __verso_createRequire } from 'node:module';\nconst require = __verso_createRequire(import.meta.url);"
  }
})
// The shebang goes on the CLI alone; npm would link the bin either way, a clone runs it directly.
const cli = `${outdir}/cli.js`
const text = readFileSync(cli, 'utf8')
await import('node:fs').then(({ writeFileSync }) => writeFileSync(cli, `#!/usr/bin/env node\n${text}`))
chmodSync(cli, 0o755)

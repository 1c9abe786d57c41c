import type { Config } from '../config/config.js'
import { VersoError } from '../errors.js'
import { readWorktreeFile } from '../git/files.js'
import { openNpmSession, readNpmAuth } from '../npm/auth.js'
import { addDistTag, viewPackage } from '../npm/registry.js'
import type { PublishContext } from './publish.js'
import { nameOf, readManifest, registryOf } from './publish-manifests.js'
import { planLatestMove, type LatestMove } from './publish-plan.js'

/**
 * A rollback's part on npm: `latest` moves back to the version made the latest release
 * again, with `npm dist-tag add`; nothing is unpublished. A dry run asks nothing and says
 * what it would move. Null when the configuration publishes nowhere, or the package is not
 * published (no manifest, or a private one).
 */
export async function rollBackLatest(request: {
  readonly context: PublishContext | undefined
  readonly config: Config
  readonly root: string
  readonly version: string
  readonly dryRun: boolean
  readonly log: (line: string) => void
}): Promise<LatestMove | null> {
  const { context, config, version } = request
  if (config.publish.to !== 'npm') return null
  if (!context)
    throw new VersoError('EUSAGE', '`publish: npm` is set, and this run has no npm to move `latest` with.', {
      hint: 'Roll back from the action or `verso rollback`, which use the npm on the PATH.'
    })
  const text = await readWorktreeFile(request.root, 'package.json')
  if (text === null) return null
  const manifest = { ...readManifest(text), text }
  const base = context.npm(context.env)
  const registry = await registryOf(base, request.root, config.publish.registry, manifest)
  const name = nameOf(manifest)
  if (registry === null || !name) return null
  if (request.dryRun) return { kind: 'move', name, version, registry, from: null }
  const session = await openNpmSession({
    env: context.env,
    auth: readNpmAuth(context.env),
    registries: [registry],
    ...(context.tempRoot === undefined ? {} : { tempRoot: context.tempRoot })
  })
  try {
    const npm = context.npm(session.env)
    const move = planLatestMove(name, version, registry, await viewPackage(npm, request.root, name, registry))
    if (move.kind === 'move') {
      await addDistTag(npm, request.root, { name, version, tag: 'latest', registry })
      request.log(`Moved npm's latest for ${name} to ${version}${move.from ? ` (from ${move.from})` : ''}.`)
    }
    return move
  } finally {
    await session.dispose()
  }
}

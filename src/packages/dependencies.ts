import { VersoError } from '../errors.js'

/*
 * Which workspace packages depend on which, from their manifests: what decides the order
 * packages are released in, and which packages a release carries along (a package that
 * depends on a released one is released with a patch, to depend on the new version).
 */

/** Each workspace package → the other workspace packages it depends on, sorted by name. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>

// Every kind npm, yarn and pnpm install: a dev or peer dependency is still built against
// the released package, so it still needs a release that depends on the new version.
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const

/**
 * The workspace packages each package depends on: by any version spec (a range,
 * `workspace:*`, `file:`), and through an alias (`npm:b@^1`, `workspace:b@*`) by the package
 * it stands for. Packages from the registry are not in the graph, nor is a package in its
 * own. Every package has an entry, with no dependencies when it has none; the manifests
 * are those discoverWorkspaces found, so each name comes once (a repeated name's
 * dependencies are merged).
 */
export function readDependencies(manifests: readonly { name: string; text: string }[]): Map<string, string[]> {
  const names = new Set(manifests.map((m) => m.name))
  const found = new Map<string, Set<string>>([...names].sort().map((name) => [name, new Set<string>()]))
  for (const { name, text } of manifests) {
    const manifest = parseManifest(name, text)
    for (const field of FIELDS) {
      const declared = manifest[field]
      if (!isRecord(declared)) continue
      for (const [key, spec] of Object.entries(declared)) {
        const target = aliasTarget(spec) ?? key
        if (target !== name && names.has(target)) found.get(name)!.add(target)
      }
    }
  }
  return new Map([...found].map(([name, on]) => [name, [...on].sort()]))
}

/**
 * The packages in an order to release them: each after the packages it depends on, and
 * by name where the graph leaves a choice, so the order is the same on every run.
 * Dependencies on names outside the graph are not workspace packages and do not count.
 * A cycle throws EINVALIDCONFIG naming it, as no package in it could go first.
 */
export function dependencyOrder(graph: DependencyGraph): string[] {
  const waiting = new Map(
    [...graph.keys()].sort().map((name) => [name, new Set((graph.get(name) ?? []).filter((d) => d !== name && graph.has(d)))])
  )
  const order: string[] = []
  while (waiting.size) {
    // The map is in name order: the first package with nothing left to wait for goes next.
    const next = [...waiting].find(([, on]) => on.size === 0)?.[0]
    if (next === undefined) throw cycleError(findCycle(waiting))
    order.push(next)
    waiting.delete(next)
    for (const on of waiting.values()) on.delete(next)
  }
  return order
}

/**
 * Every package that depends on a released package, with the released packages it
 * depends on directly, sorted by name. Transitively: a package released for its
 * dependency is itself released, so the packages that depend on it are listed too, each
 * naming its own direct dependencies (C → B → A, A released: B names A, C names B). A
 * package released on its own commits is listed as well when it depends on a released
 * one, so the plan can give both reasons.
 */
export function dependents(graph: DependencyGraph, released: ReadonlySet<string>): Map<string, string[]> {
  const releasing = new Set(released)
  // Until nothing changes: a new release can make another, and the graph may have cycles.
  for (let grew = true; grew;) {
    grew = false
    for (const [name, on] of graph) {
      if (!releasing.has(name) && on.some((d) => d !== name && releasing.has(d))) {
        releasing.add(name)
        grew = true
      }
    }
  }
  const result = new Map<string, string[]>()
  for (const name of [...graph.keys()].sort()) {
    const on = [...new Set(graph.get(name)!.filter((d) => d !== name && releasing.has(d)))].sort()
    if (on.length) result.set(name, on)
  }
  return result
}

/** The package an alias installs (`npm:@x/b@^1`, `workspace:b@*`), or null when the spec is a version or a path. */
function aliasTarget(spec: unknown): string | null {
  if (typeof spec !== 'string') return null
  // `workspace:*` and `workspace:^1.2.0` are versions of the key's own package: a workspace alias has its `@`.
  const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@|$)/.exec(spec) ?? /^workspace:((?:@[^/@]+\/)?[^/@]+)@/.exec(spec)
  return alias?.[1] ?? null
}

function parseManifest(name: string, text: string): Record<string, unknown> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    data = undefined
  }
  if (!isRecord(data)) {
    throw new VersoError('EINVALIDCONFIG', `The package.json of ${name} is not a JSON object, so its dependencies cannot be read.`, {
      hint: 'Fix the package.json: verso reads its dependencies to release the packages that depend on one another.'
    })
  }
  return data
}

/** A cycle among packages that each wait for another: follow the first dependency of each until one comes again. */
function findCycle(waiting: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const next = (name: string): string => [...waiting.get(name)!].sort()[0]!
  const path: string[] = []
  let name = [...waiting.keys()][0]!
  while (!path.includes(name)) {
    path.push(name)
    name = next(name)
  }
  return [...path.slice(path.indexOf(name)), name]
}

function cycleError(cycle: readonly string[]): VersoError {
  return new VersoError('EINVALIDCONFIG', `The workspace packages depend on each other in a circle: ${cycle.join(' → ')}.`, {
    hint: 'verso releases a package after the packages it depends on, so a circle has no first one: remove one of these dependencies (often a devDependency).'
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The Conventional Commits / Angular types. The spec itself names only `feat` and `fix`;
 * the rest are the convention most tools and teams share.
 */
export const DEFAULT_TYPES: readonly string[] = Object.freeze([
  'feat',
  'fix',
  'docs',
  'style',
  'refactor',
  'perf',
  'test',
  'build',
  'ci',
  'chore',
  'revert'
])

/** How a word was recognised as a type: `close` is a guess at a typo. */
export type TypeMatch = { readonly type: string; readonly how: 'exact' | 'alias' | 'close' }

// Words people write for a type. Only used when the type they point at is allowed.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ...pairs('feat', ['feature', 'features']),
  ...pairs('fix', ['fixes', 'fixed', 'bugfix', 'bugfixes', 'bug', 'bugs', 'hotfix']),
  ...pairs('docs', ['doc', 'documentation']),
  ...pairs('style', ['styles', 'format', 'formatting']),
  ...pairs('refactor', ['refactoring', 'refactors']),
  ...pairs('perf', ['performance']),
  ...pairs('test', ['tests', 'testing']),
  ...pairs('build', ['builds']),
  ...pairs('chore', ['chores']),
  ...pairs('revert', ['reverts', 'reverted'])
])

function pairs(type: string, words: readonly string[]): [string, string][] {
  return words.map((w) => [w, type])
}

/** The allowed types, lower-cased (types are case-insensitive) and without duplicates. */
export function normalizeTypes(types: readonly string[]): readonly string[] {
  return [...new Set(types.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))]
}

/**
 * The allowed type a word means: itself, a known synonym (`feature` → `feat`), or the
 * closest type by spelling (`chroe` → `chore`, `doc` → `docs`). `types` is normalised.
 */
export function matchType(word: string, types: readonly string[]): TypeMatch | null {
  const w = word.toLowerCase()
  if (types.includes(w)) return { type: w, how: 'exact' }
  const alias = ALIASES.get(w)
  if (alias !== undefined && types.includes(alias)) return { type: alias, how: 'alias' }
  const close = findClosest(w, types)
  return close === null ? null : { type: close, how: 'close' }
}

function findClosest(word: string, types: readonly string[]): string | null {
  // A truncated or extended type (`refact`, `fixes`) is a better hint than any typo.
  // The nearest in length wins, the first of equals: one pass over the types, not a sort.
  let prefixed: string | null = null
  for (const t of types) {
    if (Math.min(t.length, word.length) < 3 || !(t.startsWith(word) || word.startsWith(t))) continue
    if (prefixed === null || Math.abs(t.length - word.length) < Math.abs(prefixed.length - word.length)) prefixed = t
  }
  if (prefixed !== null) return prefixed
  // Two letters are too few to tell a typo from another word (`cd` is not `ci`).
  if (word.length <= 2) return null
  const limit = word.length <= 5 ? 1 : 2
  let best: string | null = null
  let bestDistance = limit + 1
  for (const type of types) {
    const distance = measureDistance(word, type, limit)
    if (distance < bestDistance) [best, bestDistance] = [type, distance]
  }
  return best
}

/**
 * Optimal string alignment distance: edits plus swaps of neighbours (`fxi` → `fix` is
 * one). Anything over `limit` is reported as `limit + 1`, so long words cost nothing.
 */
export function measureDistance(a: string, b: string, limit = Infinity): number {
  const over = limit + 1
  if (Math.abs(a.length - b.length) > limit) return over
  // A cell further than `limit` from the diagonal holds more than `limit`, so only the band
  // around the diagonal is computed: a long word costs its length times the limit, not
  // times the other word. Cells just outside the band read as `over`.
  const band = Math.min(limit, Math.max(a.length, b.length))
  let before = new Float64Array(b.length + 1)
  let previous = new Float64Array(b.length + 1)
  let current = new Float64Array(b.length + 1)
  for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j
  if (band + 1 <= b.length) previous[band + 1] = over
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - band)
    const high = Math.min(b.length, i + band)
    current[low - 1] = low === 1 ? i : over
    let rowMin = current[low - 1]!
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      current[j] = d
      rowMin = Math.min(rowMin, d)
    }
    if (high + 1 <= b.length) current[high + 1] = over
    if (rowMin > limit) return over
    ;[before, previous, current] = [previous, current, before]
  }
  return Math.min(previous[b.length]!, over)
}

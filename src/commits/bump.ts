/** How far a release moves the version. */
export type Bump = 'major' | 'minor' | 'patch' | 'none'

export const BUMPS: readonly Bump[] = ['major', 'minor', 'patch', 'none']

const RANK: Readonly<Record<Bump, number>> = { none: 0, patch: 1, minor: 2, major: 3 }

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return RANK[a] >= RANK[b] ? a : b
}

/** Negative, zero or positive as a is smaller than, equal to or larger than b. */
export function compareBumps(a: Bump, b: Bump): number {
  return RANK[a] - RANK[b]
}

export function isBump(value: string): value is Bump {
  return (BUMPS as readonly string[]).includes(value)
}

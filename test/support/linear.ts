import fc from 'fast-check'

/** The time bounds and inputs of the linear-time tests, written once for every module they test. */

// Generous for a loaded machine, yet far below what reading text again for each of its
// characters costs: at 50,000 characters that is seconds, at a megabyte minutes.
export const BOUND_MS = 200
export const MEGABYTE_MS = 1000
export const MEGABYTE = 1 << 20

/**
 * What a call returns and the milliseconds it took; timed again when over `bound`, since a
 * pause of the machine slows one run but a quadratic reading slows every run.
 */
export function timed<T>(bound: number, run: () => T): { readonly ms: number; readonly value: T } {
  const once = (): { ms: number; value: T } => {
    const started = performance.now()
    const value = run()
    return { ms: performance.now() - started, value }
  }
  const first = once()
  if (first.ms <= bound) return first
  const second = once()
  return second.ms < first.ms ? second : first
}

/** A unit repeated to up to 50,000 characters between a few words: where a pattern retries, this is where it shows. */
export function hostile(units: readonly string[], words: readonly string[]): fc.Arbitrary<string> {
  const repeated = fc
    .tuple(
      fc.array(fc.constantFrom(...words), { maxLength: 3 }),
      fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 2 }),
      fc.array(fc.constantFrom(...words), { maxLength: 3 }),
      fc.nat(50_000)
    )
    .map(([before, unit, after, length]) => {
      const text = unit.join('')
      return before.join('') + text.repeat(Math.ceil(length / text.length)) + after.join('')
    })
  const mixed = fc.array(fc.constantFrom(...words), { maxLength: 10_000, size: 'max' }).map((all) => all.join('').slice(0, 50_000))
  return fc.oneof(repeated, mixed)
}

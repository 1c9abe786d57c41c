import type { Git } from './git.js'

/**
 * Answers "is this commit an ancestor of HEAD?" for tags ordered best first, without
 * walking the whole history the way `git tag --merged` does.
 *
 * One `git rev-list <candidates> ^HEAD` lists what the candidates reach that HEAD does not;
 * a candidate absent from that list is reachable. The walk stops once HEAD's side has
 * reached the candidates, so its cost follows the commits since them. Candidates are asked
 * in batches of 1, 2, 4, … so the usual case (the best tag is reachable) is one process,
 * and a maintenance branch behind many higher tags is a handful.
 */
export class Reachability {
  private readonly known = new Map<string, boolean>()

  constructor(
    private readonly git: Git,
    private readonly head: string
  ) {}

  /** The first of `ordered` whose commit is an ancestor of (or is) HEAD. */
  async first<T extends { readonly sha: string }>(ordered: readonly T[]): Promise<T | null> {
    let batch = 1
    for (let start = 0; start < ordered.length;) {
      const slice = ordered.slice(start, start + batch)
      await this.learn(slice.map((t) => t.sha))
      const found = slice.find((t) => this.known.get(t.sha))
      if (found) return found
      start += slice.length
      batch = Math.min(batch * 2, 1024)
    }
    return null
  }

  /** Forgets what it learnt: after the history was deepened, answers may change. */
  reset(): void {
    this.known.clear()
  }

  /** The subset of `shas` that HEAD reaches. */
  async filter(shas: readonly string[]): Promise<string[]> {
    await this.learn(shas)
    return shas.filter((sha) => this.known.get(sha))
  }

  private async learn(shas: readonly string[]): Promise<void> {
    const unknown = [...new Set(shas)].filter((sha) => !this.known.has(sha))
    if (unknown.length === 0) return
    const unreached = new Set<string>()
    const wanted = new Set(unknown)
    let rest = ''
    for await (const chunk of this.git.stream(['rev-list', '--end-of-options', ...unknown, `^${this.head}`, '--'])) {
      const lines = (rest + chunk.toString('latin1')).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) if (wanted.has(line)) unreached.add(line)
    }
    if (wanted.has(rest)) unreached.add(rest)
    for (const sha of unknown) this.known.set(sha, !unreached.has(sha))
  }
}

import { parseCommit } from '../../src/commits/analyze.js'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import type { ImageCheck } from '../../src/image/index.js'
import { decidePlan } from '../../src/run/decide.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { parseReleaseTags } from '../../src/versions/release-tags.js'
import { parseVersion } from '../../src/versions/scheme.js'
import { DOCUMENT_HISTORY, plus, repo, runScenario, SECTION_HISTORY, SECTION_PROPERTIES } from '../image/schemas.js'
import { shaOf } from '../notes/plans.js'

/**
 * Plans that makePlan cannot make: with a release-image check, or finishing a release
 * tagged at HEAD. The same real pipeline (parser, rules, decidePlan), with the same shas.
 */
export interface ImagePlanSpec {
  readonly commits: readonly string[]
  /** The last release's tag; null for a first release. Default `v1.2.3`. */
  readonly base?: string | null
  readonly options?: RawOptions
  readonly image?: ImageCheck | null
  /** The version a run before tagged at HEAD, as decidePlan's `finish`. */
  readonly finish?: string
}

export function makeImagePlan(spec: ImagePlanSpec): ReleasePlan {
  const base = spec.base === undefined ? 'v1.2.3' : spec.base
  const config = resolveConfig(spec.options ?? {})
  const tags = parseReleaseTags(base === null ? [] : [{ name: base, sha: `${'b'.repeat(39)}0` }], config.tagPrefix, config.scheme)
  const found = tags.all.find((t) => t.name === base) ?? null
  const commits = spec.commits.map((message, i) => parseCommit({ sha: shaOf(i + 1), parents: [shaOf(i)], message })).reverse()
  const facts = { head: shaOf(spec.commits.length), tags, base: found, stableBase: found, commits, fetched: [] }
  const finish = spec.finish === undefined ? {} : { finish: parseVersion(config.scheme, spec.finish)! }
  return decidePlan(config, facts, new Date('2024-02-20T12:00:00Z'), spec.image ?? null, finish)
}

/** A valid check whose data needs a minor release: an optional `summary` added to document.Section. */
export function minorImageCheck(): ImageCheck {
  return runScenario({
    before: repo(),
    after: repo({
      sectionProperties: { ...SECTION_PROPERTIES, summary: { type: 'string' } },
      sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'Added an optional summary']),
      documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'])
    })
  })
}

/** A valid check whose data needs a major release: `tags` removed from document.Section. */
export function majorImageCheck(): ImageCheck {
  return runScenario({
    before: repo(),
    after: repo({
      sectionProperties: Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags')),
      sectionHistory: plus(SECTION_HISTORY, ['1.0', 'major', 'Property `tags` removed']),
      documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', 'major', 'Reachable document.Section 0.7 -> 1.0'])
    })
  })
}

/** An incomplete check: `tags` removed from document.Section without a history entry (R1 and R2). */
export function incompleteImageCheck(): ImageCheck {
  return runScenario({
    before: repo(),
    after: repo({ sectionProperties: Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags')) })
  })
}

export const IMAGE_OPTIONS = { schemas: 'schemas/*.json' } as const

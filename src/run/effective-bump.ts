import type { Analysis } from '../commits/analyze.js'
import { compareBumps, type Bump } from '../commits/bump.js'
import type { Config } from '../config/config.js'
import type { ImageCheck } from '../image/index.js'
import type { Version } from '../versions/scheme.js'
import type { Finding, PlanReason } from './release-plan.js'

export interface EffectiveBump {
  /** The part of the version that changes. */
  readonly bump: Bump
  readonly reasons: readonly PlanReason[]
  /** A bump the image needs that the release does not make, under `image-bump: block`. */
  readonly finding: Finding | null
}

/**
 * The one place that decides how far the version moves: the commits, then a forced bump,
 * then the release-image check, then SemVer's 0.y.z rule, each leaving its reason.
 */
export function decideBump(config: Config, analysis: Analysis, image: ImageCheck | null, stable: Version | null): EffectiveBump {
  const reasons: PlanReason[] = []
  let bump: Bump = analysis.bump
  if (config.bump !== 'auto') {
    // A forced bump says what the commits called for, so a downgrade is visible.
    reasons.push({ kind: 'forced', bump: config.bump, commits: analysis.bump })
    // A post-release moves no number: it releases, and the scheme makes the last release again.
    bump = config.bump === 'post' ? 'patch' : config.bump
  }
  const { scheme } = config
  // SemVer §4: while the major is 0 (and 1.0.0 is not asked for), what would be major is minor.
  const atZero =
    config.bump === 'auto' &&
    scheme.kind === 'semver' &&
    scheme.majorZeroBreaking === 'minor' &&
    stable?.kind === 'semver' &&
    stable.value.major === 0
  let finding: Finding | null = null
  // The data's needs are held by the same rule, so a raise says what it really raises to.
  const needed = image?.bump.bump ?? 'none'
  const required = atZero && needed === 'major' ? 'minor' : needed
  if (image && compareBumps(required, bump) > 0) {
    const why = image.bump.reasons.map((r) => r.message)
    if (config.image?.bump === 'escalate') {
      reasons.push({ kind: 'raised-by-image', from: bump, to: required, why })
      bump = required
    } else {
      finding = { kind: 'image-bump', required, declared: bump, reasons: why }
    }
  }
  if (atZero && bump === 'major') {
    const breaking = analysis.decisions.filter((d) => d.status === 'counted' && d.bump === 'major').map((d) => d.sha)
    reasons.push({ kind: 'held-by-major-zero', commits: breaking })
    bump = 'minor'
  }
  return { bump, reasons, finding }
}

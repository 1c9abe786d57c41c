import type { ReleasePlan } from '../run/plan.js'

/** The action's outputs, as strings. Every name is declared in action.yml. */
export type Outputs = Readonly<Record<OutputName, string>>

export const OUTPUT_NAMES = ['version', 'previous-version', 'tag', 'previous-tag', 'bump', 'released', 'major', 'minor', 'patch', 'prerelease', 'image-status', 'image-required-bump', 'sha', 'release-id', 'release-url', 'notes', 'valid', 'problems'] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** What every path leaves behind, failing ones too, so later steps never read an unset output. */
export const NOTHING_RELEASED: Outputs = {
  version: '',
  'previous-version': '',
  tag: '',
  'previous-tag': '',
  bump: 'none',
  released: 'false',
  major: '',
  minor: '',
  patch: '',
  prerelease: '',
  'image-status': '',
  'image-required-bump': '',
  sha: '',
  'release-id': '',
  'release-url': '',
  notes: '',
  valid: '',
  problems: '[]'
}

export function planOutputs(plan: ReleasePlan): Outputs {
  const next = plan.kind === 'release' ? plan.next : null
  const parts = plan.kind === 'release' ? plan.standing.parts : null
  return {
    ...NOTHING_RELEASED,
    version: next?.version ?? '',
    'previous-version': plan.previous?.version ?? '',
    tag: next?.tag ?? '',
    'previous-tag': plan.previous?.tag ?? '',
    bump: plan.kind === 'release' ? plan.bump : 'none',
    major: parts?.major ?? '',
    minor: parts?.minor ?? '',
    patch: parts?.patch ?? '',
    prerelease: parts?.prerelease ?? '',
    'image-status': plan.image?.outcome ?? '',
    'image-required-bump': plan.image?.bump.bump ?? ''
  }
}

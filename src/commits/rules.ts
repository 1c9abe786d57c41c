import { isBump, type Bump } from './bump.js'

/** Which bump a commit of a type (and optionally a scope) makes. */
export interface ReleaseRule {
  /** `*`: the wildcard, for every type no other rule covers. */
  readonly type: string
  /** null: any scope. A rule with a scope wins over the type's general rule. */
  readonly scope: string | null
  readonly bump: Bump
  /** The rule as a user would write it, for explanations: `docs(readme): patch`. */
  readonly text: string
  readonly origin: 'default' | 'release-rules'
}

// Types are words (`\w+`), as in a Conventional Commit header: `sec-fix` could never match.
// `*` is the wildcard.
const RULE = /^(\w+|\*)(?:\(([^()*]+)\))?\s*:\s*([A-Za-z]+)$/

/** The type of the wildcard rule, `*: patch`: the bump of every type no other rule covers. */
export const WILDCARD = '*'

// A `revert:` commit that names no commit is a patch without any rule (analyzeCommits
// decides it): that built-in meaning wins over the wildcard, as the default rules do.
const BUILT_IN_TYPES: ReadonlySet<string> = new Set(['revert'])

function rule(type: string, scope: string | null, bump: Bump, origin: ReleaseRule['origin']): ReleaseRule {
  const text = `${type}${scope === null ? '' : `(${scope})`}: ${bump}`
  return { type, scope, bump, origin, text }
}

/** Conventional Commits' own meaning of the types: every other type releases nothing. */
export const DEFAULT_RULES: readonly ReleaseRule[] = [
  rule('feat', null, 'minor', 'default'),
  rule('fix', null, 'patch', 'default'),
  rule('perf', null, 'patch', 'default')
]

/**
 * Parses `release-rules`: one `type[(scope)]: major|minor|patch|none` a line, or the
 * wildcard `*: major|minor|patch|none`; blank lines and `#` comments are skipped. Returns
 * the rules merged over the defaults, or one message per bad line.
 */
export function parseReleaseRules(text: string): { rules: readonly ReleaseRule[]; errors: readonly string[] } {
  const given = new Map<string, ReleaseRule>()
  const errors: string[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim()
    if (!line) return
    const match = RULE.exec(line)
    const bump = match?.[3]?.toLowerCase() ?? ''
    if (!match || !isBump(bump)) {
      const wildcard = /\(\*\)/.test(line) ? ' A scope is matched exactly: leave it out to match every scope.' : ''
      errors.push(
        `release-rules line ${index + 1}: "${raw.trim()}" is not \`type[(scope)]: major|minor|patch|none\` (e.g. \`docs(readme): patch\`; ` +
          `a type is letters, digits and \`_\`, or \`*\` for every other type).${wildcard}`
      )
      return
    }
    if (match[1] === WILDCARD && match[2] !== undefined) {
      errors.push(
        `release-rules line ${index + 1}: "${raw.trim()}": the wildcard \`*\` stands for every type and scope, and takes no scope; write \`*: ${bump}\`.`
      )
      return
    }
    const parsed = rule(match[1]!.toLowerCase(), match[2]?.trim().toLowerCase() ?? null, bump, 'release-rules')
    given.set(key(parsed.type, parsed.scope), parsed)
  })
  const merged = new Map(DEFAULT_RULES.map((r) => [key(r.type, r.scope), r]))
  for (const [k, r] of given) merged.set(k, r)
  return { rules: [...merged.values()], errors }
}

/**
 * Finds the rule for a commit: its type and scope's own rule first, then its type's (given
 * or default), then the wildcard's, for a type without a meaning of its own.
 */
export type RuleFinder = (type: string, scope: string | null) => ReleaseRule | null

/** Indexes the rules once: a release may hold tens of thousands of commits. */
export function indexRules(rules: readonly ReleaseRule[]): RuleFinder {
  const index = new Map(rules.map((r) => [key(r.type, r.scope), r]))
  const wildcard = index.get(WILDCARD) ?? null
  return (type, scope) => {
    const t = type.toLowerCase()
    const own = (scope !== null ? index.get(key(t, scope.toLowerCase())) : undefined) ?? index.get(t)
    return own ?? (BUILT_IN_TYPES.has(t) ? null : wildcard)
  }
}

/**
 * The line without its `#` comment, as `/#.*$/` would cut it but without its retries from
 * every `#`: a comment runs to the end, so it starts after the last character `.` stops at.
 */
function stripComment(raw: string): string {
  let from = 0
  for (let i = raw.length - 1; i >= 0; i--) {
    const code = raw.charCodeAt(i)
    if (code === 0x0d || code === 0x2028 || code === 0x2029) {
      from = i + 1
      break
    }
  }
  const hash = raw.indexOf('#', from)
  return hash === -1 ? raw : raw.slice(0, hash)
}

function key(type: string, scope: string | null): string {
  return scope === null ? type : `${type}(${scope})`
}

import { analyzeCommits } from '../commits/analyze.js'
import type { Bump } from '../commits/bump.js'
import { parseMessage } from '../commits/parse.js'
import { DEFAULT_RULES, type ReleaseRule } from '../commits/rules.js'
import { fitExample } from './example.js'
import type { Finding } from './header.js'
import { DEFAULT_MAX_HEADER_LENGTH, rewriteRevert, validateTitle } from './message.js'
import type { Problem } from './problem.js'

export interface SquashOptions {
  readonly types: readonly string[]
  /** The release rules the prediction uses; default: Conventional Commits' own. */
  readonly rules?: readonly ReleaseRule[]
  /** In characters; default 100. The example must fit, as the title must. */
  readonly maxHeaderLength?: number
}

/** One of the pull request's commits, as git has it. */
export interface SquashCommit {
  readonly sha: string
  readonly message: string
}

// `feat(api): x` → `feat(api)!: x`: the `!` goes right before the colon.
const BEFORE_COLON = /^(\w+(?:\([^()\r\n]*\))?)(: )/
// A title with no correction that still marks a breaking change: `feat(a(b)!: x`.
const LOOSE_BANG = /^[^\s:]*!\s*:/

function isBang(header: string): boolean {
  const parsed = parseMessage(header)
  return parsed.kind === 'conventional' && parsed.bang
}

/**
 * A squash merge's title against the commits it squashes: a breaking change among the
 * commits that the title does not mark is a release the check mispredicts (the footers
 * come along in GitHub's default squash message) or a breaking change released as less.
 * One problem on the title, or none. Reports nothing about the title's own form:
 * validateTitle does; its correction is the base of the example here.
 */
export function checkSquashTitle(title: string, commits: readonly SquashCommit[], options: SquashOptions): Problem[] {
  const parsedTitle = parseMessage(title)
  const header = parsedTitle.header
  if (header === '') return []
  const breaking = commits.flatMap((c) => {
    const parsed = parseMessage(c.message)
    if (parsed.kind !== 'conventional' || !(parsed.bang || parsed.breakingNotes.length > 0)) return []
    return [{ sha: c.sha, footer: parsed.breakingNotes.length > 0 }]
  })
  if (breaking.length === 0) return []
  const who = describeCommits(breaking.map((b) => b.sha))
  const fix = 'mark the title breaking with `!` before its colon'

  if (parsedTitle.kind === 'revert') {
    // A valid title, and never a breaking change, whatever the header it quotes says.
    const why = `${who}, but the title does not say so: a \`Revert "…"\` title makes the squashed commit a revert, which is never a breaking change; title it as the change it makes, and ${fix}.`
    const rewritten = rewriteRevert(header, options.types)
    return [titleProblem(header, why, rewritten === null ? null : { header: rewritten, guessed: false }, options)]
  }

  // The title as validateTitle would correct it, whatever its length: it decides whether
  // the title means a breaking change (`feat!:x` does), and it is what gets the `!`.
  const corrected = correctTitle(header, options.types)
  if (corrected === null ? LOOSE_BANG.test(header) : isBang(corrected.header)) return []

  const bump = analyzeCommits([{ sha: '', merge: false, message: parsedTitle }], options.rules ?? DEFAULT_RULES).bump
  let why: string
  if (parsedTitle.kind !== 'conventional') why = `${who}, but the title does not say so; once the title is a Conventional Commit, ${fix}.`
  else if (breaking.some((b) => b.footer)) {
    const predicts = bump === 'major' ? '' : `, so the release would be major while this check predicts ${describeBump(bump)}`
    why = `${who}, but the title does not say so: GitHub's default squash message carries the commits' footers into the squashed commit${predicts}; ${fix}.`
  } else {
    const released =
      bump === 'major'
        ? 'it would not be marked breaking'
        : bump === 'none'
          ? 'the breaking change would not be released at all'
          : `the breaking change would be released as ${bump}`
    why =
      `${who}, but the title does not say so: the title becomes the squashed commit's header, ` +
      `and a \`!\` in a commit's header is not carried into it, so ${released}; ${fix}.`
  }
  return [titleProblem(header, why, corrected, options)]
}

/** The problem, with the title's correction marked breaking as its example. */
function titleProblem(
  header: string,
  why: string,
  corrected: { header: string; guessed: boolean } | null,
  options: SquashOptions
): Problem {
  const example = corrected === null ? null : corrected.header.replace(BEFORE_COLON, '$1!$2')
  const finding: Finding = { code: 'squash-breaking', message: why, example, guessed: corrected?.guessed ?? false }
  return { subject: { kind: 'title' }, header, ...fitExample(finding, options.maxHeaderLength ?? DEFAULT_MAX_HEADER_LENGTH) }
}

/**
 * The title if validateTitle finds nothing wrong with its form, else its correction
 * (null when there is none), ignoring the length limit.
 */
function correctTitle(header: string, types: readonly string[]): { header: string; guessed: boolean } | null {
  const problems = validateTitle(header, { types, maxHeaderLength: Infinity })
  if (problems.length === 0) return { header, guessed: false }
  const corrected = problems.find((p) => p.example !== null)
  return corrected ? { header: corrected.example!, guessed: corrected.guessed } : null
}

function describeCommits(shas: readonly string[]): string {
  const short = shas.map((s) => s.slice(0, 7))
  if (short.length === 1) return `commit ${short[0]!} is a breaking change`
  const named =
    short.length <= 3
      ? `${short.slice(0, -1).join(', ')} and ${short.at(-1)!}`
      : `${short.slice(0, 3).join(', ')} and ${short.length - 3} more`
  return `commits ${named} are breaking changes`
}

function describeBump(bump: Bump): string {
  return bump === 'none' ? 'no release' : bump
}

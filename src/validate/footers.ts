import type { Finding } from './header.js'

// Anything a person might write for a breaking-change footer, exact or not.
const BREAKING_LIKE = /^(\s*)(breaking(?:[ _-]*changes?)?)(\s*):(.*)$/i

/**
 * Footers meant as breaking changes that no tool will read as one: the token is exact
 * (`BREAKING CHANGE:` or `BREAKING-CHANGE:`), and a near miss would silently release a
 * breaking change as a minor or patch.
 */
export function checkFooters(body: string): Finding[] {
  const findings: Finding[] = []
  for (const raw of body.split('\n')) {
    const match = BREAKING_LIKE.exec(raw.replace(/\r$/, ''))
    if (!match) continue
    const [, indent, token, space, rest] = match as unknown as [string, string, string, string, string]
    const written = `\`${token}${space}:\``
    const exact = token === 'BREAKING CHANGE' || token === 'BREAKING-CHANGE'
    let why: string | null = null
    if (!exact)
      why = `${written} is not read as a breaking change: the token is exactly \`BREAKING CHANGE:\` or \`BREAKING-CHANGE:\`, in capitals`
    else if (indent !== '') why = `an indented ${written} is not read as a breaking change: start the line with it`
    else if (space !== '') why = `${written} is not read as a breaking change: no space is allowed before its colon`
    else if (rest !== '' && !rest.startsWith(' ')) why = `a space must follow ${written}`
    if (why === null) continue
    const fixed = token.includes('-') ? 'BREAKING-CHANGE' : 'BREAKING CHANGE'
    const value = rest.trim()
    findings.push({ code: 'footer-token', message: `${why}.`, example: value === '' ? null : `${fixed}: ${value}`, guessed: false })
  }
  return findings
}

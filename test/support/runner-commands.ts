/*
 * The runner, as far as workflow commands go: it ends a line at \n, \r and \r\n, trims what
 * .NET counts as white space, and may compare as the culture does, skipping characters that
 * have no weight. A line is a command when it then starts with `::`, or holds `##[` anywhere.
 */
// Tab, line and form feeds are white space with a weight of their own; other controls have none.
const WEIGHTLESS = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu
const DOTNET_SPACE = /^[\s\u0085]+/u

function asTheRunnerReads(line: string): string {
  return line.replace(DOTNET_SPACE, '').replace(WEIGHTLESS, '').replace(DOTNET_SPACE, '')
}

/** The lines of a step's output the runner would take for workflow commands. */
export function runnerCommands(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => {
    const read = asTheRunnerReads(line)
    return read.startsWith('::') || read.includes('##[')
  })
}

/** verso's own annotations, debug lines and masks of its token: the only commands it may print. */
const OWN = /^::(error|warning|notice|debug|add-mask)( [^:]*)?::/

/** Commands in an action's output that verso did not mean to issue. */
export function foreignCommands(text: string, token = ''): string[] {
  const masks = new Set(
    [token, encodeURIComponent(token), base64(token), base64(`x-access-token:${token}`)].map((form) => `::add-mask::${escapeData(form)}`)
  )
  return runnerCommands(text).filter((line) => {
    const own = OWN.test(line) && !asTheRunnerReads(line).includes('##[')
    return !own || (line.startsWith('::add-mask::') && !masks.has(line))
  })
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
// How a command's data is written: @actions/core escapes these three.
const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

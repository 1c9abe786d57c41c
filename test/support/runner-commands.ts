/**
 * The lines of a step's output the runner would take for workflow commands: it ends a line
 * at \n, \r and \r\n, trims its start, then looks for `::` at the start or `##[` anywhere.
 */
export function runnerCommands(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

/** verso's own annotations, debug lines and masks of its token: the only commands it may print. */
const OWN = /^::(error|warning|notice|debug|add-mask)( [^:]*)?::/

/** Commands in an action's output that verso did not mean to issue. */
export function foreignCommands(text: string, token = ''): string[] {
  const masks = new Set(
    [token, encodeURIComponent(token), base64(token), base64(`x-access-token:${token}`)].map((form) => `::add-mask::${escapeData(form)}`)
  )
  return runnerCommands(text).filter((line) => {
    const own = OWN.test(line.trimStart()) && !line.includes('##[')
    return !own || (line.startsWith('::add-mask::') && !masks.has(line))
  })
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
// How a command's data is written: @actions/core escapes these three.
const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

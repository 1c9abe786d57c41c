/**
 * The lines of a step's output the runner would take for workflow commands: it ends a line
 * at \n, \r and \r\n, trims its start, then looks for `::` at the start or `##[` anywhere.
 */
export function runnerCommands(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

/** verso's own annotations and debug lines: the only commands it may print. */
const OWN = /^::(error|warning|notice|debug)( [^:]*)?::/

/** Commands in an action's output that verso did not mean to issue. */
export function foreignCommands(text: string): string[] {
  return runnerCommands(text).filter((line) => !OWN.test(line.trimStart()) || line.includes('##['))
}

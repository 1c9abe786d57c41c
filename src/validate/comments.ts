// git writes this under a comment character when the message editor also shows the diff
// (`git commit -v`, `--cleanup=scissors`); it and everything below are not the message.
const SCISSORS = '------------------------ >8 ------------------------'

/**
 * The message git would record from a message file: lines starting with the comment
 * character dropped and everything from the scissors line on cut, as `git commit`'s
 * default cleanup does. A commit-msg hook runs before that cleanup, so it sees them.
 */
export function stripComments(message: string, commentChar = '#'): string {
  if (commentChar === '') return message
  const lines = message.replace(/^\uFEFF/, '').split('\n')
  const scissors = `${commentChar} ${SCISSORS}`
  const cut = lines.findIndex((line) => line.replace(/\r$/, '') === scissors)
  return (cut === -1 ? lines : lines.slice(0, cut)).filter((line) => !line.startsWith(commentChar)).join('\n')
}

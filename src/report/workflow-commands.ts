/**
 * The runner reads every line a step prints as a possible workflow command: one that starts
 * with `::` once leading whitespace is trimmed (`::add-mask::`, `::stop-commands::`), or
 * one that holds `##[` anywhere (the older syntax). It ends a line at `\n`, at `\r` and at
 * `\r\n`. Commit messages, titles and file names are anyone's text, so everything verso
 * prints is made inert here, whichever entry point prints it.
 */

// A zero-width space is not whitespace to the runner's trim, and shows as nothing.
const ZWSP = '\u200b'
const COMMAND_START = /(^|[\r\n])([^\S\r\n]*):(?=:)/g

/** Text with no line the runner would take for a command; it reads the same to a person. */
export function neutralizeCommands(text: string): string {
  return text.replace(COMMAND_START, `$1$2:${ZWSP}`).replaceAll('##[', `#${ZWSP}#[`)
}

/**
 * The same for JSON text, without changing the data: JSON escapes line breaks inside
 * strings, so only `##[` can appear, and `\u0023` is a `#` to every JSON reader.
 */
export function neutralizeCommandsInJson(json: string): string {
  return json.replaceAll('##[', '\\u0023#[')
}

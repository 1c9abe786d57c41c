/**
 * The runner reads every line a step prints as a possible workflow command: one that starts
 * with `::` once leading whitespace is trimmed (`::add-mask::`, `::stop-commands::`), or
 * one that holds `##[` anywhere (the older syntax). It ends a line at `\n`, at `\r` and at
 * `\r\n`; it trims what .NET counts as white space (U+0085 included); and its comparisons
 * may follow the culture, which skips characters that have no weight (a zero-width space,
 * a soft hyphen, control characters). Commit messages, titles and file names are anyone's
 * text, so everything verso prints is made inert here, whichever entry point prints it.
 */

// What a culture-aware comparison may skip: control and format characters, and variation selectors.
const IGNORABLE = '\\p{Cc}\\p{Cf}\\u{FE00}-\\u{FE0F}\\u{E0100}-\\u{E01EF}'
// Beside the characters of a command, such characters are dropped: they would hide one.
const INVISIBLE = `(?:(?![\\t\\r\\n])[${IGNORABLE}])+`
const HIDING = new RegExp(`${INVISIBLE}(?=[:#[])|(?<=[:#])${INVISIBLE}`, 'gu')
const COMMAND_START = new RegExp(`(^|[\\r\\n])((?:(?![\\r\\n])[\\s\\u0085${IGNORABLE}])*)::`, 'gu')

// Full-width forms are other characters to every comparison, and read the same to a person.
const COLON = '\uff1a'
const HASH = '\uff03'

/** Text with no line the runner would take for a command; it reads the same to a person. */
export function neutralizeCommands(text: string): string {
  return text.replace(HIDING, '').replace(COMMAND_START, `$1$2:${COLON}`).replaceAll('##[', `${HASH}#[`)
}

// Outside strings JSON text has only its own spaces and line breaks: those are kept.
const IGNORABLE_CHARACTER = new RegExp(`(?![\\t\\r\\n])[\\u0085${IGNORABLE}]`, 'gu')

/**
 * The same for JSON text, without changing the data: JSON escapes line breaks inside
 * strings, invisible characters are written as escapes (`\u200b`), so they hide nothing,
 * and `##[` becomes `\u0023#[`, a `#` to every JSON reader.
 */
export function neutralizeCommandsInJson(json: string): string {
  return json
    .replace(IGNORABLE_CHARACTER, (character) => {
      const code = character.codePointAt(0)!
      if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`
      const high = 0xd800 + ((code - 0x10000) >> 10)
      const low = 0xdc00 + ((code - 0x10000) & 0x3ff)
      return `\\u${high.toString(16)}\\u${low.toString(16)}`
    })
    .replaceAll('##[', '\\u0023#[')
}

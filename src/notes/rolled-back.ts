import type { ReleaseLink } from '../run/rollback.js'

/**
 * The note at the top of a rolled-back release's body: a GitHub alert, so that it stands out
 * on the release page and in the list of releases.
 */
export function renderRolledBackNote(target: ReleaseLink): string {
  return [
    '> [!WARNING]',
    `> Rolled back: [${linkText(target.tag)}](${target.url}) is the latest release again. This release is kept, with its tag and assets.`
  ].join('\n')
}

// The note is recognised by these markers alone, never by its wording: it can be reworded,
// and a release's own notes may well say "rolled back".
const NOTE_START = '<!-- verso:rolled-back -->'
const NOTE_END = '<!-- /verso:rolled-back -->'

/** The body with the rolled-back note first, in place of any it carried: a release never carries two. */
export function withRolledBackNote(body: string, target: ReleaseLink): string {
  const rest = withoutRolledBackNote(body)
  return `${NOTE_START}\n${renderRolledBackNote(target)}\n${NOTE_END}${rest === '' ? '' : `\n\n${rest}`}`
}

/** The body without any rolled-back note, and without the blank line that set it apart; as it was when it carries none. */
export function withoutRolledBackNote(body: string): string {
  let kept = ''
  let from = 0
  for (;;) {
    const start = body.indexOf(NOTE_START, from)
    const end = start < 0 ? -1 : body.indexOf(NOTE_END, start + NOTE_START.length)
    // A start marker whose end was edited away is the release's text now: left as it is.
    if (end < 0) break
    kept += body.slice(from, start)
    from = end + NOTE_END.length
    for (let breaks = 0; breaks < 2; breaks++) {
      if (body.startsWith('\r\n', from)) from += 2
      else if (body.startsWith('\n', from)) from += 1
    }
  }
  return kept + body.slice(from)
}

/** A tag as the text of a Markdown link: git allows `]`, `\` and `<` in a tag name, which would end it or open HTML. */
export function linkText(tag: string): string {
  return tag.replace(/[\\[\]]/g, '\\$&').replace(/</g, '&lt;')
}

/**
 * The plan's notes explain the version to whoever runs verso ("calendar moved from 2024.01
 * to 2024.02", "bump forced to major by the `bump` input"). A few of them change what a
 * reader of the release should expect; those are said again in a reader's words, and the
 * rest are left to the job summary and the dry run.
 *
 * The plan carries notes as sentences, so they are recognised by their wording; the tests
 * build plans with the real version code, so a reworded note fails a test, not a release.
 */
const READER_NOTES: readonly { readonly match: RegExp; readonly say: (match: RegExpExecArray) => string }[] = [
  {
    match: /^bump forced to (major|minor|patch)\b/,
    say: (m) => `Released as a ${m[1]!} release by request.`
  },
  {
    match: /^raised from \w+ to (major|minor|patch) by the release-image check\b/,
    say: (m) => `Released as a ${m[1]!} release because versioned data formats changed.`
  },
  {
    match: /^major is 0, so a breaking change bumps the minor\b/,
    say: () => 'The major version is 0, so breaking changes bump the minor version (SemVer §4).'
  },
  {
    // CalVer: a breaking change that no part of the version shows.
    match: /\bcall it out in the release notes$/,
    say: () => 'This release has breaking changes, and its calendar version cannot show them: read the breaking changes before upgrading.'
  }
]

/** The plan notes that matter to a reader, as sentences for them, each once. */
export function selectReaderNotes(notes: readonly string[]): string[] {
  const said = notes.flatMap((note) => {
    for (const { match, say } of READER_NOTES) {
      const found = match.exec(note)
      if (found) return [say(found)]
    }
    return []
  })
  return [...new Set(said)]
}

/** Release notes: a plan as Markdown, for the GitHub Release, the tag message and previews. */
export { renderNotes, type NotesOptions } from './release-notes.js'

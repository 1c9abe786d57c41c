import { describe, expect, it } from 'vitest'
import { prependChangelog, type ChangelogEntry } from '../../src/files/changelog.js'

const entry: ChangelogEntry = {
  version: '1.3.0',
  tag: 'v1.3.0',
  date: '2024-02-20',
  notes: '### Features\n\n- **api:** add a thing ([abc1234](https://github.com/o/r/commit/abc1234))\n'
}

const NEW_SECTION = '## [1.3.0] - 2024-02-20\n\n### Features\n\n- **api:** add a thing ([abc1234](https://github.com/o/r/commit/abc1234))\n'

describe('prependChangelog', () => {
  it('creates a file with the title and the section', () => {
    expect(prependChangelog(null, entry)).toBe(
      `# Changelog\n\nAll notable changes to this project are documented in this file.\n\n${NEW_SECTION}`
    )
  })

  it('treats an empty file as a new one', () => {
    expect(prependChangelog('', entry)).toBe(prependChangelog(null, entry))
    expect(prependChangelog('\n\n', entry)).toBe(prependChangelog(null, entry))
  })

  it('links the heading to the comparison in a new file', () => {
    const text = prependChangelog(null, { ...entry, compareUrl: 'https://github.com/o/r/compare/v1.2.0...v1.3.0' })
    expect(text).toContain('\n## [1.3.0](https://github.com/o/r/compare/v1.2.0...v1.3.0) - 2024-02-20\n\n### Features\n')
  })

  it('puts the section above the older ones, keeping the title and its text', () => {
    const existing = '# Changelog\n\nSome words.\n\n## [1.2.0] - 2024-01-05\n\n### Bug Fixes\n\n- fix\n\n## [1.1.0] - 2023-12-01\n\n- old\n'
    expect(prependChangelog(existing, entry)).toBe(
      `# Changelog\n\nSome words.\n\n${NEW_SECTION}\n## [1.2.0] - 2024-01-05\n\n### Bug Fixes\n\n- fix\n\n## [1.1.0] - 2023-12-01\n\n- old\n`
    )
  })

  it('keeps the Unreleased section on top, as it is', () => {
    const existing = '# Changelog\n\n## [Unreleased]\n\n- written by hand\n\n## [1.2.0] - 2024-01-05\n\n- fix\n'
    expect(prependChangelog(existing, entry)).toBe(
      `# Changelog\n\n## [Unreleased]\n\n- written by hand\n\n${NEW_SECTION}\n## [1.2.0] - 2024-01-05\n\n- fix\n`
    )
  })

  it('adds the first release below an Unreleased section that is all there is', () => {
    expect(prependChangelog('# Changelog\n\n## Unreleased\n\n- soon\n', entry)).toBe(
      `# Changelog\n\n## Unreleased\n\n- soon\n\n${NEW_SECTION}`
    )
  })

  it.each([
    ['a title only', '# Changelog\n', `# Changelog\n\n${NEW_SECTION}`],
    ['a title without a final newline', '# Changelog', `# Changelog\n\n${NEW_SECTION}`],
    ['a title and a blank line', '# Changelog\n\n', `# Changelog\n\n${NEW_SECTION}`],
    ['no title (none is added)', 'Notes about releases.\n', `Notes about releases.\n\n${NEW_SECTION}`]
  ])('adds the first section to a file with %s', (_, existing, expected) => {
    expect(prependChangelog(existing, entry)).toBe(expected)
  })

  it('reads headings in the forms other tools write', () => {
    const existing = '# Changelog\n\n## 1.2.0 (2024-01-05)\n\n- a\n\n## [1.1.0](https://x/compare) (2023-12-01)\n'
    expect(prependChangelog(existing, entry)).toBe(
      `# Changelog\n\n${NEW_SECTION}\n## 1.2.0 (2024-01-05)\n\n- a\n\n## [1.1.0](https://x/compare) (2023-12-01)\n`
    )
  })

  it('takes a `#` heading that names a version for a section, as conventional-changelog writes a major release', () => {
    const existing = '# Changelog\n\n# [2.0.0](https://x/compare/v1.9.0...v2.0.0) (2024-01-05)\n\n- big\n\n## [1.9.0] - 2023-12-01\n'
    expect(prependChangelog(existing, { ...entry, version: '2.1.0', tag: 'v2.1.0' })).toBe(
      existing.replace('# [2.0.0]', `${NEW_SECTION.replace('1.3.0', '2.1.0')}\n# [2.0.0]`)
    )
    expect(prependChangelog(existing, { ...entry, version: '2.0.0', tag: 'v2.0.0' })).toBe(existing)
  })

  it.each([
    ['## [1.3.0] - 2024-02-20'],
    ['## [1.3.0] - 2024-02-19'],
    ['## 1.3.0'],
    ['## [v1.3.0](https://github.com/o/r/compare/v1.2.0...v1.3.0)'],
    ['## v1.3.0 (2024-02-20)']
  ])('is unchanged when the file has a section for the version already: %s (a re-run)', (heading) => {
    const existing = `# Changelog\n\n## [Unreleased]\n\n${heading}\n\n- done\n\n## [1.2.0] - 2024-01-05\n`
    expect(prependChangelog(existing, entry)).toBe(existing)
  })

  it('adds a section once, however often it runs', () => {
    const once = prependChangelog('# Changelog\n\n## [1.2.0] - 2024-01-05\n', entry)
    expect(prependChangelog(once, entry)).toBe(once)
    expect(prependChangelog(prependChangelog(null, entry), entry)).toBe(prependChangelog(null, entry))
  })

  it('does not take 1.3.0-rc.1 or 11.3.0 for 1.3.0', () => {
    const existing = '# Changelog\n\n## [1.3.0-rc.1] - 2024-02-01\n\n## [11.3.0] - 2024-01-01\n'
    expect(prependChangelog(existing, entry)).toBe(
      `# Changelog\n\n${NEW_SECTION}\n## [1.3.0-rc.1] - 2024-02-01\n\n## [11.3.0] - 2024-01-01\n`
    )
  })

  it('ignores headings inside code blocks', () => {
    const existing = '# Changelog\n\n```md\n## [1.3.0] - 2000-01-01\n```\n\n~~~~\n## [9.0.0]\n~~~\n~~~~\n\n## [1.2.0] - 2024-01-05\n'
    expect(prependChangelog(existing, entry)).toBe(existing.replace('## [1.2.0]', `${NEW_SECTION}\n## [1.2.0]`))
  })

  it('keeps CRLF line endings, and writes the new lines with them', () => {
    const existing = '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.2.0] - 2024-01-05\r\n\r\n- fix\r\n'
    const text = prependChangelog(existing, { ...entry, notes: '### Features\r\n\r\n- a\r\n- b' })
    expect(text).toBe(
      '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.3.0] - 2024-02-20\r\n\r\n### Features\r\n\r\n- a\r\n- b\r\n\r\n## [1.2.0] - 2024-01-05\r\n\r\n- fix\r\n'
    )
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(prependChangelog(text, entry)).toBe(text)
  })

  it('trims blank lines around the notes, and writes a heading alone for empty notes', () => {
    expect(prependChangelog('# Changelog\n', { ...entry, notes: '\n\n### Features\n\n- a\n\n\n' })).toBe(
      '# Changelog\n\n## [1.3.0] - 2024-02-20\n\n### Features\n\n- a\n'
    )
    expect(prependChangelog('# Changelog\n\n## [1.2.0] - 2024-01-05\n', { ...entry, notes: '' })).toBe(
      '# Changelog\n\n## [1.3.0] - 2024-02-20\n\n## [1.2.0] - 2024-01-05\n'
    )
  })

  it('links inline in a file without link definitions', () => {
    const existing = '# Changelog\n\n## [1.2.0] - 2024-01-05\n'
    expect(prependChangelog(existing, { ...entry, compareUrl: 'https://x/compare/v1.2.0...v1.3.0', notes: '- a' })).toBe(
      '# Changelog\n\n## [1.3.0](https://x/compare/v1.2.0...v1.3.0) - 2024-02-20\n\n- a\n\n## [1.2.0] - 2024-01-05\n'
    )
  })

  describe('in a file that keeps its links at the bottom, as Keep a Changelog does', () => {
    const keepAChangelog = [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '## [1.2.0] - 2024-01-05',
      '',
      '- fix',
      '',
      '[unreleased]: https://x/compare/v1.2.0...HEAD',
      '[1.2.0]: https://x/compare/v1.1.0...v1.2.0',
      ''
    ].join('\n')
    const withUrl = { ...entry, notes: '- a', compareUrl: 'https://x/compare/v1.2.0...v1.3.0' }

    it('adds a definition below [unreleased], newest first, and a plain heading', () => {
      expect(prependChangelog(keepAChangelog, withUrl)).toBe(
        [
          '# Changelog',
          '',
          '## [Unreleased]',
          '',
          '## [1.3.0] - 2024-02-20',
          '',
          '- a',
          '',
          '## [1.2.0] - 2024-01-05',
          '',
          '- fix',
          '',
          '[unreleased]: https://x/compare/v1.2.0...HEAD',
          '[1.3.0]: https://x/compare/v1.2.0...v1.3.0',
          '[1.2.0]: https://x/compare/v1.1.0...v1.2.0',
          ''
        ].join('\n')
      )
    })

    it('adds the first release above the definitions, and its definition after [unreleased]', () => {
      const existing = '# Changelog\n\n## [Unreleased]\n\n- soon\n\n[Unreleased]: https://x/commits/HEAD'
      expect(prependChangelog(existing, withUrl)).toBe(
        '# Changelog\n\n## [Unreleased]\n\n- soon\n\n## [1.3.0] - 2024-02-20\n\n- a\n\n[Unreleased]: https://x/commits/HEAD\n[1.3.0]: https://x/compare/v1.2.0...v1.3.0'
      )
    })

    it('puts the definition with the releases’ own, past other links at the bottom', () => {
      const existing = keepAChangelog.replace('[unreleased]:', '[Keep a Changelog]: https://keepachangelog.com/en/1.1.0/\n[unreleased]:')
      expect(prependChangelog(existing, withUrl)).toContain(
        '[Keep a Changelog]: https://keepachangelog.com/en/1.1.0/\n[unreleased]: https://x/compare/v1.2.0...HEAD\n[1.3.0]: https://x/compare/v1.2.0...v1.3.0\n[1.2.0]:'
      )
      const noReleases = '# Changelog\n\n## [Unreleased]\n\n[unreleased]: https://x/commits\n[other]: https://y\n'
      expect(prependChangelog(noReleases, withUrl)).toBe(
        '# Changelog\n\n## [Unreleased]\n\n## [1.3.0] - 2024-02-20\n\n- a\n\n[unreleased]: https://x/commits\n[other]: https://y\n[1.3.0]: https://x/compare/v1.2.0...v1.3.0\n'
      )
    })

    it('keeps CRLF there too', () => {
      const existing = keepAChangelog.replaceAll('\n', '\r\n')
      expect(prependChangelog(existing, withUrl)).toBe(prependChangelog(keepAChangelog, withUrl).replaceAll('\n', '\r\n'))
    })

    it('adds no definition without a compare URL', () => {
      expect(prependChangelog(keepAChangelog, { ...entry, notes: '- a' })).toBe(
        keepAChangelog.replace('## [1.2.0]', '## [1.3.0] - 2024-02-20\n\n- a\n\n## [1.2.0]')
      )
    })

    it('is unchanged on a re-run', () => {
      const once = prependChangelog(keepAChangelog, withUrl)
      expect(prependChangelog(once, withUrl)).toBe(once)
    })
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => prependChangelog(null, { ...entry, date: '20/02/2024' })).toThrow('is not a YYYY-MM-DD date')
  })
})

import { describe, expect, it } from 'vitest'
import { ImageConfigError, type ConfigProblem } from '../../src/image/config-error.js'
import { buildImage, parseImage, renderImage } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import { repo } from './schemas.js'

function problemsOf(text: string): readonly ConfigProblem[] {
  try {
    parseImage(text)
  } catch (error) {
    if (error instanceof ImageConfigError) return error.problems
    throw error
  }
  throw new Error('expected an ImageConfigError')
}

const FP = 'j1s-0123456789abcdef'
const FP2 = 'j1s-fedcba9876543210'

describe('the image file', () => {
  it('renders one sorted line per document, own entry first, reachables by name, LF and a trailing newline', () => {
    const text = renderImage(buildImage(loadTypes(repo())))
    const lines = text.split('\n')
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toContain('\r')
    expect(lines.map((line) => line.replace(/\/j1s-[0-9a-f]{16}/g, ''))).toEqual([
      'document.Document:document.Document/0.2,document.Paragraph/0.3,document.Section/0.7',
      'settings.Settings:settings.Settings/0.11,settings.Device/0.14',
      ''
    ])
  })

  it('round-trips through parseImage', () => {
    const text = renderImage(buildImage(loadTypes(repo())))
    expect(renderImage(parseImage(text))).toBe(text)
  })

  it('renders nothing for a repository without documents', () => {
    expect(renderImage({ lines: [] })).toBe('')
    expect(parseImage('')).toEqual({ lines: [] })
  })

  it('tolerates CRLF, a trailing blank line and unsorted lines, and renders them canonically', () => {
    const text = `b.B:b.B/0.1/${FP}\r\na.A:a.A/1.2/${FP},z.Z/0.3/${FP2},c.C/0.1/${FP2}\r\n\r\n`
    expect(renderImage(parseImage(text))).toBe(`a.A:a.A/1.2/${FP},c.C/0.1/${FP2},z.Z/0.3/${FP2}\nb.B:b.B/0.1/${FP}\n`)
  })

  it("reads Ansar's 2-field entries, with no fingerprint", () => {
    const image = parseImage(
      'document.Document:document.Document/0.2,document.Section/0.7,document.Paragraph/0.3\nsettings.Settings:settings.Settings/0.11,settings.Device/0.14\n'
    )
    expect(image.lines[0]).toEqual({
      document: { name: 'document.Document', tag: '0.2', fingerprint: null },
      reachables: [
        { name: 'document.Paragraph', tag: '0.3', fingerprint: null },
        { name: 'document.Section', tag: '0.7', fingerprint: null }
      ]
    })
    expect(renderImage(image)).toBe(
      'document.Document:document.Document/0.2,document.Paragraph/0.3,document.Section/0.7\nsettings.Settings:settings.Settings/0.11,settings.Device/0.14\n'
    )
  })

  it('accepts a third number on an entry', () => {
    expect(parseImage(`d.D:d.D/2.5.1/${FP}\n`).lines[0]?.document.tag).toBe('2.5.1')
  })

  const broken: [string, string, number, RegExp][] = [
    ['a document line without its own entry first', `a.A:b.B/0.1,a.A/0.2\n`, 1, /own entry \(a\.A\/TAG\) must come first/],
    ['a ":" in a name', `ok.A:ok.A/0.1\na:b.C:a:b.C/0.1\n`, 2, /only one may separate .*type names cannot contain ":"/],
    ['a line without ":"', `a.A/0.1\n`, 1, /has no ":"/],
    ['one type with different tags on two lines', `a.A:a.A/0.1,c.C/0.3\nb.B:b.B/0.1,c.C/0.4\n`, 2, /c\.C is 0\.4 here but 0\.3 on line 1/],
    [
      'one type with different fingerprints on two lines',
      `a.A:a.A/0.1,c.C/0.3/${FP}\nb.B:b.B/0.1,c.C/0.3/${FP2}\n`,
      2,
      /fingerprint .* on line 1/
    ],
    ['a document listed twice', `a.A:a.A/0.1\na.A:a.A/0.1\n`, 2, /already has line 1/],
    ['a bad tag', `a.A:a.A/1.x\n`, 1, /tag "1\.x" is not MAJOR\.MINOR/],
    ['a bad fingerprint', `a.A:a.A/0.1/abc\n`, 1, /fingerprint "abc"/],
    ['an entry with four fields', `a.A:a.A/0.1/${FP}/x\n`, 1, /must be NAME\/TAG\/FINGERPRINT/],
    ['an empty entry', `a.A:a.A/0.1,\n`, 1, /must be NAME\/TAG/]
  ]
  it.each(broken)('rejects %s, naming the line', (_, text, line, message) => {
    expect(problemsOf(text)).toEqual([{ file: '.release-image', line, message: expect.stringMatching(message) }])
  })

  it('counts lines across CRLF and blank lines when reporting', () => {
    expect(problemsOf('a.A:a.A/0.1\r\n\r\nb.B:a.A/0.1\r\n')[0]?.line).toBe(3)
  })

  it('lists every bad line at once', () => {
    expect(problemsOf('a.A\nb.B:b.B/x\nc.C:c.C/0.1\n').map((problem) => problem.line)).toEqual([1, 2])
  })
})

import { describe, expect, it } from 'vitest'
import { stripComments } from '../../src/validate/comments.js'

describe('stripComments', () => {
  it.each([
    ['drops comment lines', 'feat: x\n# comment\n\nbody\n#another', 'feat: x\n\nbody'],
    ['keeps a # that does not start the line', 'fix: x (#12)\n\nCloses #7\n  # indented', 'fix: x (#12)\n\nCloses #7\n  # indented'],
    [
      'cuts at the scissors line',
      'feat: x\n\nbody\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+hello',
      'feat: x\n\nbody'
    ],
    [
      'cuts at a CRLF scissors line',
      'feat: x\r\n# ------------------------ >8 ------------------------\r\nBREAKING CHANGE: no',
      'feat: x\r'
    ],
    ['keeps a scissors line that is not exact', 'feat: x\n-- >8 --\nmore', 'feat: x\n-- >8 --\nmore'],
    ['drops a byte order mark', '\uFEFFfeat: x', 'feat: x'],
    ['leaves a message without comments alone', 'feat: x\n\nbody\n', 'feat: x\n\nbody\n']
  ])('%s', (_, message, expected) => {
    expect(stripComments(message)).toBe(expected)
  })

  it("uses git's core.commentChar", () => {
    expect(stripComments('; c\nfeat: x\n# kept\n; ------------------------ >8 ------------------------\ngone', ';')).toBe('feat: x\n# kept')
  })

  it('strips nothing for an empty comment character', () => {
    expect(stripComments('# x', '')).toBe('# x')
  })
})

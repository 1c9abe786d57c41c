import { describe, expect, it } from 'vitest'
import { problemsWith } from '../../src/migrate/draft.js'

describe('problemsWith', () => {
  it("returns verso's own problems with a piece of configuration", () => {
    expect(problemsWith({ 'tag-prefix': 'v' })).toEqual([])
    expect(problemsWith({ branches: ['main', { name: '1.x', range: '1.x' }] })).toEqual([])
    expect(problemsWith({ 'tag-prefix': 'v1.' })).toEqual([expect.stringContaining('`tag-prefix: v1.` ends in a dot')])
    expect(problemsWith({ branches: [{ name: 'x', range: 'not a range' }] })).toEqual([expect.stringContaining('is not a SemVer range')])
    expect(problemsWith({ 'release-rules': 'docs(*): patch' })).toEqual([expect.stringContaining('A scope is matched exactly')])
  })
})

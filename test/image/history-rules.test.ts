import { describe, expect, it } from 'vitest'
import { checkDeclaredImpact, checkHistory, declaredImpact, inferredImpact } from '../../src/image/history-rules.js'
import { buildImage } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../src/image/json-schema/schema-files.js'
import { compareTypeStates, type TypeChange } from '../../src/image/type-changes.js'
import { plus, repo, SECTION_HISTORY, SECTION_PROPERTIES, type Entry } from './schemas.js'

/** The change of document.Section from the released example to `today`. */
function sectionChange(today: SchemaFile[]): TypeChange {
  const released = loadTypes(repo())
  const change = compareTypeStates(loadTypes(today), { image: buildImage(released), types: released }).get('document.Section')
  if (change === undefined) throw new Error('no change of document.Section')
  return change
}

const WITHOUT_TAGS = Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags'))

describe('the history rules', () => {
  it('R4: a released history entry is never edited', () => {
    const edited: Entry[] = SECTION_HISTORY.map(([tag, impact, note], i) =>
      i === 0 ? [tag, impact, `${note}, reworded`] : [tag, impact, note]
    )
    const findings = checkHistory(sectionChange(repo({ sectionHistory: edited })))
    expect(findings).toEqual([expect.objectContaining({ rule: 'R4', type: 'document.Section' })])
    expect(findings[0]!.message).toContain('released entries are never edited')
  })

  it('a removed property is inferred as major; a declared minor for it is too small (R7)', () => {
    const change = sectionChange(
      repo({ sectionProperties: WITHOUT_TAGS, sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'Removed tags']) })
    )
    expect(inferredImpact(change)).toBe('major')
    expect(declaredImpact(change)).toBe('minor')
    expect(checkDeclaredImpact(change)).toEqual([expect.objectContaining({ rule: 'R7', type: 'document.Section' })])
  })

  it('a history entry as large as the change passes', () => {
    const change = sectionChange(
      repo({ sectionProperties: WITHOUT_TAGS, sectionHistory: plus(SECTION_HISTORY, ['1.0', 'major', 'Removed tags']) })
    )
    expect(checkHistory(change)).toEqual([])
    expect(checkDeclaredImpact(change)).toEqual([])
  })
})

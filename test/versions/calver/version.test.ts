import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../../src/errors.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { compareCalver, formatCalver, isSemverCompatible, parseCalver, type CalverVersion } from '../../../src/versions/calver/version.js'

function parseOrFail(format: string, text: string): CalverVersion {
  const version = parseCalver(parseCalverFormat(format), text)
  if (version === null) throw new Error(`fixture: ${text} does not fit ${format}`)
  return version
}

function catchError(run: () => unknown): VersoError {
  try {
    run()
  } catch (error) {
    if (error instanceof VersoError) return error
    throw error
  }
  throw new Error('expected a VersoError')
}

type FormatErrorRow = [format: string, detail: RegExp]

const BAD_FORMATS: readonly FormatErrorRow[] = [
  ['', /the format is empty/],
  ['   ', /the format is empty/],
  ['ZZ', /unknown token "ZZ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER/],
  ['yyyy.0m', /tokens are upper-case, did you mean YYYY\?/],
  ['YYYY.WW.DD', /weeks \(WW, 0W\) cannot be mixed with months or days/],
  ['YYYY.0M.0W', /weeks \(WW, 0W\) cannot be mixed/],
  ['YYYY.MODIFIER.MICRO', /MODIFIER must be the last token/],
  ['YYYY.0M.MICRO.MODIFIER', /MODIFIER must follow a "-"/],
  ['YYYY.0MMODIFIER', /write the modifier after a "-" \(YYYY\.0M-MODIFIER\)|unknown token "0MMODIFIER"/],
  ['YYYY.YYYY', /YYYY appears more than once/],
  ['YYYY.YY', /YYYY and YY both write the year/],
  ['YYYY.MM.0M', /MM and 0M both write the month or week/],
  ['YYYY.MINOR.MAJOR', /MAJOR comes after MINOR: counters go MAJOR, MINOR, MICRO/],
  ['YYYY.MICRO.0M', /0M comes after MICRO: calendar tokens come first/],
  ['0M.YYYY', /YYYY comes after month or week/],
  ['MAJOR.MINOR.MICRO', /no calendar token .*: a version of counters only is SemVer, use scheme: semver/],
  ['0M.MICRO', /0M without a year token .* would repeat every year/],
  ['YYYY.DD', /DD is a day of the month and needs a month token/],
  ['YYYY..0M', /an empty token at position 2/],
  ['.YYYY', /an empty token at position 1/],
  ['YYYY.0M.', /an empty token at position 3/],
  ['YYYY 0M', /unknown token "YYYY 0M"/],
  ['YYYY/0M', /unknown token "YYYY\/0M"/]
]

describe('parseCalverFormat', () => {
  it.each(BAD_FORMATS)('rejects %j', (format, detail) => {
    const error = catchError(() => parseCalverFormat(format))
    expect(error.code).toBe('ECALVER')
    expect(error.message).toBe(`calver-format "${format}" is not a valid CalVer format.`)
    expect(error.details.join('\n')).toMatch(detail)
    expect(error.hint).toMatch(/YYYY\.0M\.MICRO/)
  })

  it('lists every problem at once', () => {
    const error = catchError(() => parseCalverFormat('ZZ.YYYY.YYYY.MINOR.MAJOR.MODIFIER.QQ'))
    expect(error.details).toEqual([
      'unknown token "ZZ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER',
      'unknown token "QQ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER',
      'YYYY appears more than once',
      'MAJOR comes after MINOR: counters go MAJOR, MINOR, MICRO',
      'MODIFIER must be the last token'
    ])
  })

  it('does not guess at missing tokens while a token is unreadable', () => {
    expect(catchError(() => parseCalverFormat('yyyy.MINOR')).details).toEqual([
      'unknown token "yyyy": tokens are upper-case, did you mean YYYY?'
    ])
  })

  it('describes a valid format', () => {
    const format = parseCalverFormat('YYYY.0M.0D_MICRO-MODIFIER')
    expect(format.text).toBe('YYYY.0M.0D_MICRO-MODIFIER')
    expect(format.calendar).toBe('day')
    expect(format.counters).toEqual(['MICRO'])
    expect(format.modifier).toBe(true)
    expect(format.segments.map((s) => s.separator + s.token).join('')).toBe('YYYY.0M.0D_MICRO-MODIFIER')
    expect(parseCalverFormat('YY-0W').calendar).toBe('week')
    expect(parseCalverFormat('YYYY.MINOR').calendar).toBe('year')
    expect(parseCalverFormat('YYYY.MAJOR.MINOR.MICRO').counters).toEqual(['MAJOR', 'MINOR', 'MICRO'])
  })
})

type ParseRow = [format: string, text: string, fits: boolean]

const PARSE: readonly ParseRow[] = [
  ['YY.0M', '16.04', true],
  ['YY.0M', '16.4', false],
  ['YY.MM', '16.04', false],
  ['YY.MM', '16.4', true],
  ['YY.MM', '16.13', false],
  ['YY.MM', '016.4', false],
  ['0Y.0M', '6.04', false],
  ['0Y.0M', '106.04', true],
  ['0Y.0M', '0106.04', false],
  ['YYYY.0M.MICRO', '2024.02.1', true],
  ['YYYY.0M.MICRO', '2024.02.01', false],
  ['YYYY.0M.MICRO', '2024.2.1', false],
  ['YYYY.0M.MICRO', 'v2024.02.1', false],
  ['YYYY.0M.MICRO', '2024.02.1 ', false],
  ['YYYY.0M.MICRO', '2024.02', false],
  ['YYYY.0M.MICRO', '2024.02.1.0', false],
  ['YYYY.0M.MICRO', '2024-02-1', false],
  ['YYYY.0M.MICRO', '2024.02.1-rc.1', false],
  ['YYYY.0M.MICRO', '0999.01.0', false],
  ['YYYY.0M.0D', '2024.02.29', true],
  ['YYYY.0M.0D', '2023.02.29', false],
  ['YYYY.0M.0D', '2024.04.31', false],
  ['YYYY.MM.DD', '2024.2.32', false],
  ['YYYY.MM.DD', '2024.2.0', false],
  ['YYYY.0W', '2020.53', true],
  ['YYYY.0W', '2021.53', false],
  ['YYYY.0W', '2024.54', false],
  ['YYYY.0W', '2024.00', false],
  ['YYYY.WW', '2024.01', false],
  ['YYYY.MM.DD_MICRO', '2010.10.2_1', true],
  ['YYYY.MM.DD_MICRO', '2010.10.2.1', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1rc1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.01', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-RC.1', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.1.2', false],
  ['YY.0M-MODIFIER', '16.04rc2', true],
  ['YYYY.MINOR', '2016.10', true],
  ['YYYY.MINOR', '2016.010', false]
]

describe('parseCalver', () => {
  it.each(PARSE)('%s reads %j: %s', (format, text, fits) => {
    const version = parseCalver(parseCalverFormat(format), text)
    expect(version === null ? null : formatCalver(version)).toBe(fits ? text : null)
  })

  it('reads each field', () => {
    const version = parseOrFail('YYYY.0M.0D.MICRO-MODIFIER', '2024.02.29.3rc2')
    expect(version.period).toEqual({ kind: 'day', year: 2024, month: 2, day: 29 })
    expect(version.counters).toEqual({ MICRO: 3 })
    expect(version.modifier).toEqual({ id: 'rc', number: 2, spelling: 'glued' })
    expect(parseOrFail('YY.WW', '106.7').period).toEqual({ kind: 'week', year: 2106, week: 7 })
  })
})

describe('compareCalver', () => {
  const sorted = (format: string, tags: readonly string[]): string[] =>
    tags
      .map((t) => parseOrFail(format, t))
      .sort(compareCalver)
      .map(formatCalver)

  it('orders calendar, counters, then modifier with the final last', () => {
    const order = [
      '2024.02.1-dev.0',
      '2024.02.1-alpha.0',
      '2024.02.1-alpha.2',
      '2024.02.1-beta.10',
      '2024.02.1-rc.0',
      '2024.02.1rc1',
      '2024.02.1',
      '2024.02.2-nightly.5',
      '2024.02.2-dev.0',
      '2024.02.2',
      '2024.02.10',
      '2024.10.0',
      '2025.01.0'
    ]
    expect(sorted('YYYY.0M.MICRO-MODIFIER', [...order].reverse())).toEqual(order)
  })

  it('compares segments as numbers, not text', () => {
    expect(sorted('YY.MM.MICRO', ['16.10.0', '16.9.11', '16.9.2', '100.1.0'])).toEqual(['16.9.2', '16.9.11', '16.10.0', '100.1.0'])
  })

  it('ignores the spelling of a modifier', () => {
    expect(compareCalver(parseOrFail('YY.0M-MODIFIER', '16.04rc2'), parseOrFail('YY.0M-MODIFIER', '16.04-rc.2'))).toBe(0)
  })
})

describe('isSemverCompatible', () => {
  it.each([
    ['24.2.1', true],
    ['2024.2.29', true],
    ['2024.02.1', false],
    ['2016.09.19', false],
    ['16.04', false],
    ['24.2.1-rc.0', true],
    ['24.2.1rc0', false],
    ['v24.2.1', false],
    [' 24.2.1', false],
    ['2010.10.2_1', false]
  ])('%j: %s', (text, expected) => {
    expect(isSemverCompatible(text)).toBe(expected)
  })
})

// ── properties ─────────────────────────────────────────────────────────────────────────

interface FormatShape {
  year: 'YYYY' | 'YY' | '0Y'
  rest: readonly string[]
  counters: readonly string[]
  modifier: boolean
  separators: readonly string[]
}

const arbitraryShape: fc.Arbitrary<FormatShape> = fc.record({
  year: fc.constantFrom('YYYY' as const, 'YY' as const, '0Y' as const),
  rest: fc.oneof(
    fc.constant([]),
    fc.tuple(fc.constantFrom('MM', '0M')),
    fc.tuple(fc.constantFrom('MM', '0M'), fc.constantFrom('DD', '0D')),
    fc.tuple(fc.constantFrom('WW', '0W'))
  ),
  counters: fc.subarray(['MAJOR', 'MINOR', 'MICRO']),
  modifier: fc.boolean(),
  separators: fc.array(fc.constantFrom('.', '-', '_'), { minLength: 6, maxLength: 6 })
})

function writeShape(shape: FormatShape): string {
  const tokens = [shape.year, ...shape.rest, ...shape.counters]
  const text = tokens.map((t, i) => (i === 0 ? '' : shape.separators[i - 1]) + t).join('')
  return shape.modifier ? `${text}-MODIFIER` : text
}

// An independent oracle: ISO weeks from the Monday of the week holding 4 January.
function startOfIsoYear(year: number): number {
  const jan4 = Date.UTC(year, 0, 4)
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000
}

function writeExpected(shape: FormatShape, day: number, counters: readonly number[], modifier: string): string {
  const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000)
  let weekYear = date.getUTCFullYear()
  if (date.getTime() >= startOfIsoYear(weekYear + 1)) weekYear += 1
  else if (date.getTime() < startOfIsoYear(weekYear)) weekYear -= 1
  const week = Math.floor((date.getTime() - startOfIsoYear(weekYear)) / (7 * 86_400_000)) + 1
  const hasWeek = shape.rest.some((t) => t.endsWith('W'))
  const year = hasWeek ? weekYear : date.getUTCFullYear()
  const pad = (n: number): string => String(n).padStart(2, '0')
  const values: Record<string, string> = {
    YYYY: String(year),
    YY: String(year - 2000),
    '0Y': pad(year - 2000),
    MM: String(date.getUTCMonth() + 1),
    '0M': pad(date.getUTCMonth() + 1),
    DD: String(date.getUTCDate()),
    '0D': pad(date.getUTCDate()),
    WW: String(week),
    '0W': pad(week)
  }
  const tokens = [shape.year, ...shape.rest]
  let text = tokens.map((t, i) => `${i === 0 ? '' : shape.separators[i - 1]}${values[t]}`).join('')
  shape.counters.forEach((_, i) => {
    text += `${shape.separators[tokens.length + i - 1]}${counters[i]}`
  })
  return shape.modifier ? text + modifier : text
}

const arbitraryModifier = fc.oneof(
  fc.constant(''),
  fc
    .tuple(fc.constantFrom('dev', 'alpha', 'beta', 'rc', 'a1b', 'pre'), fc.nat(30), fc.constantFrom('-%s.%n', '-%s%n', '%s%n'))
    .map(([id, n, spelling]) => spelling.replace('%s', id).replace('%n', String(n)))
)

// 2000-01-03 (the first day of ISO week-year 2000, which YY can write) to 2199-12-31
const arbitraryDay = fc.integer({ min: 3, max: 73_048 })

describe('properties', () => {
  it('formatCalver(parseCalver(f, s)) === s for every generated s', () => {
    fc.assert(
      fc.property(
        arbitraryShape,
        arbitraryDay,
        fc.array(fc.nat(1_000), { minLength: 3, maxLength: 3 }),
        arbitraryModifier,
        (shape, day, counters, modifier) => {
          const format = parseCalverFormat(writeShape(shape))
          const text = writeExpected(shape, day, counters, modifier)
          const version = parseCalver(format, text)
          expect(version, text).not.toBeNull()
          if (version !== null) expect(formatCalver(version)).toBe(text)
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('accepts a day or week exactly when the calendar has it', () => {
    const ymd = parseCalverFormat('YYYY.MM.DD')
    const yw = parseCalverFormat('YYYY.WW')
    const years = fc.integer({ min: 2000, max: 2199 })
    fc.assert(
      fc.property(years, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const exists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
        expect(parseCalver(ymd, `${year}.${month}.${day}`) !== null).toBe(exists)
        const weeks = (startOfIsoYear(year + 1) - startOfIsoYear(year)) / (7 * 86_400_000)
        expect(parseCalver(yw, `${year}.${Math.min(day + 22, 53)}`) !== null).toBe(Math.min(day + 22, 53) <= weeks)
      }),
      { numRuns: 2_000 }
    )
  })

  it('any string a format accepts is written back unchanged', () => {
    const character = fc.constantFrom('0', '1', '2', '4', '9', '.', '-', '_', 'r', 'c', 'v')
    fc.assert(
      fc.property(arbitraryShape, fc.array(character, { maxLength: 16 }), (shape, chars) => {
        const version = parseCalver(parseCalverFormat(writeShape(shape)), chars.join(''))
        if (version !== null) expect(formatCalver(version)).toBe(chars.join(''))
      }),
      { numRuns: 5_000 }
    )
  })

  it('compareCalver is antisymmetric', () => {
    fc.assert(
      fc.property(
        arbitraryShape,
        arbitraryDay,
        arbitraryDay,
        fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }),
        arbitraryModifier,
        arbitraryModifier,
        (shape, dayA, dayB, countersA, countersB, modifierA, modifierB) => {
          const format = parseCalverFormat(writeShape(shape))
          const a = parseCalver(format, writeExpected(shape, dayA, countersA, modifierA))
          const b = parseCalver(format, writeExpected(shape, dayB, countersB, modifierB))
          if (a === null || b === null) throw new Error('generated versions must parse')
          expect(Math.sign(compareCalver(a, b)) + Math.sign(compareCalver(b, a))).toBe(0)
          expect(compareCalver(a, a)).toBe(0)
        }
      ),
      { numRuns: 1_000 }
    )
  })
})

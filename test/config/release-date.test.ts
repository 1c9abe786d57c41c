import { describe, expect, it } from 'vitest'
import { resolveNow } from '../../src/config/release-date.js'
import { VersoError } from '../../src/errors.js'

const now = new Date('2025-06-15T13:45:30.123Z')

function nowError(options: Parameters<typeof resolveNow>[0]): VersoError {
  try {
    resolveNow(options)
  } catch (error) {
    expect(error).toBeInstanceOf(VersoError)
    return error as VersoError
  }
  throw new Error('resolveNow accepted it')
}

describe('resolveNow: which clock wins', () => {
  it('--date wins over SOURCE_DATE_EPOCH and the clock, as midnight UTC', () => {
    expect(resolveNow({ date: '2024-02-20', sourceDateEpoch: '1700000000', now }).toISOString()).toBe('2024-02-20T00:00:00.000Z')
  })

  it('--date wins even over a SOURCE_DATE_EPOCH that is not a number', () => {
    expect(resolveNow({ date: '2024-02-20', sourceDateEpoch: 'yesterday', now }).toISOString()).toBe('2024-02-20T00:00:00.000Z')
  })

  it('SOURCE_DATE_EPOCH wins over the clock, to the second', () => {
    expect(resolveNow({ sourceDateEpoch: '1700000000', now }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
  })

  it('SOURCE_DATE_EPOCH 0 is the epoch, not unset', () => {
    expect(resolveNow({ sourceDateEpoch: '0', now }).toISOString()).toBe('1970-01-01T00:00:00.000Z')
  })

  it('leading zeros in SOURCE_DATE_EPOCH are still seconds', () => {
    expect(resolveNow({ sourceDateEpoch: '0001700000000', now }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
  })

  it('without either, the clock', () => {
    expect(resolveNow({ now })).toBe(now)
    expect(resolveNow({ date: undefined, sourceDateEpoch: undefined, now })).toBe(now)
  })

  // Runners and shells export SOURCE_DATE_EPOCH= to unset it.
  it('an empty SOURCE_DATE_EPOCH is ignored', () => {
    expect(resolveNow({ sourceDateEpoch: '', now })).toBe(now)
  })
})

describe('resolveNow: --date', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2024-12-31', '2024-12-31T00:00:00.000Z'],
    ['2025-01-01', '2025-01-01T00:00:00.000Z'],
    ['1999-12-31', '1999-12-31T00:00:00.000Z']
  ])('%s is that day', (date, iso) => {
    expect(resolveNow({ date, now }).toISOString()).toBe(iso)
  })

  it.each([
    ['a day February does not have', '2024-02-30'],
    ['February 29 of a common year', '2023-02-29'],
    ['February 29 of a century that is no leap year', '1900-02-29'],
    ['a thirteenth month', '2024-13-01'],
    ['month 00', '2024-00-10'],
    ['day 00', '2024-01-00'],
    ['day 32', '2024-01-32'],
    ['April 31', '2024-04-31'],
    ['unpadded month and day', '2024-2-1'],
    ['a two-digit year', '24-02-01'],
    ['slashes', '2024/02/20'],
    ['day first', '20-02-2024'],
    ['a time as well', '2024-02-20T10:00:00Z'],
    ['surrounding spaces', ' 2024-02-20 '],
    ['a word', 'today'],
    ['nothing', '']
  ])('%s (%j) is a usage error that shows the form', (_, date) => {
    const error = nowError({ date, sourceDateEpoch: '1700000000', now })
    expect(error.code).toBe('EUSAGE')
    expect(error.message).toBe(`--date ${date} is not a calendar date.`)
    expect(error.hint).toBe('Write it as YYYY-MM-DD, e.g. --date 2024-02-20 (a UTC date).')
  })
})

describe('resolveNow: SOURCE_DATE_EPOCH', () => {
  it.each([
    ['a date', '2024-02-20'],
    ['a fraction of a second', '1700000000.5'],
    ['a negative number', '-1'],
    ['an exponent', '1.7e9'],
    ['hexadecimal', '0x6553f100'],
    ['a leading space', ' 1700000000'],
    ['a trailing newline', '1700000000\n'],
    ['a word', 'now']
  ])('%s (%j) is a config error that says how to set it', (_, sourceDateEpoch) => {
    const error = nowError({ sourceDateEpoch, now })
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toBe(`SOURCE_DATE_EPOCH=${sourceDateEpoch} is not a number of seconds since 1970-01-01 UTC.`)
    expect(error.hint).toBe('Set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it.')
  })
})

describe('resolveNow: a SOURCE_DATE_EPOCH beyond any date', () => {
  it('is an error that says so, not an invalid date handed on', () => {
    expect(() => resolveNow({ sourceDateEpoch: '99999999999999999', now: new Date() })).toThrow(/beyond the dates a release can carry/)
  })
})

import { describe, expect, it } from 'vitest'
import { makePlan } from '../../notes/plans.js'

const at = (iso: string) => new Date(`${iso}T12:00:00Z`)

describe('calver-counter-start', () => {
  it.each<[string, string | null, string, string, string]>([
    ['YYYY.MICRO', null, '2014-03-01', '1', '2014.1'],
    ['YYYY.MICRO', 'v2014.3', '2015-01-02', '1', '2015.1'],
    ['YYYY.MICRO', 'v2014.3', '2014-06-01', '1', '2014.4'],
    ['YY.MINOR.MICRO', 'v20.4.2', '2021-02-01', '1', '21.1.0'],
    ['YY.MINOR.MICRO', 'v21.1.0', '2021-05-01', '1', '21.1.1'],
    ['YYYY.MICRO', 'v2014.3', '2015-01-02', '0', '2015.0']
  ])('%s after %s on %s with start %s: %s', (format, base, date, start, expected) => {
    const options = { scheme: 'calver', 'calver-format': format, 'calver-counter-start': start }
    const plan = makePlan({ commits: ['fix: a'], base, options, now: at(date) })
    expect(plan.next?.version).toBe(expected)
  })
})

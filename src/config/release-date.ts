import { VersoError } from '../errors.js'

/**
 * The instant a release is made at, for CalVer. An explicit `--date` wins, then
 * SOURCE_DATE_EPOCH (the reproducible-builds convention), then the real clock.
 */
export function resolveNow(options: {
  readonly date?: string | undefined
  readonly sourceDateEpoch?: string | undefined
  readonly now: Date
}): Date {
  if (options.date !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date)
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new VersoError('EUSAGE', `--date ${options.date} is not a calendar date.`, {
        hint: 'Write it as YYYY-MM-DD, e.g. --date 2024-02-20 (a UTC date).'
      })
    }
    return date
  }
  if (options.sourceDateEpoch !== undefined && options.sourceDateEpoch !== '') {
    if (!/^\d+$/.test(options.sourceDateEpoch)) {
      throw new VersoError(
        'EINVALIDCONFIG',
        `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is not a number of seconds since 1970-01-01 UTC.`,
        {
          hint: 'Set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it.'
        }
      )
    }
    const date = new Date(Number(options.sourceDateEpoch) * 1000)
    if (Number.isNaN(date.getTime())) {
      throw new VersoError('EINVALIDCONFIG', `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is beyond the dates a release can carry.`, {
        hint: 'Set it to whole seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it.'
      })
    }
    return date
  }
  return options.now
}

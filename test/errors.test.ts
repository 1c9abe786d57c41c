import { describe, expect, it } from 'vitest'
import { describeError, excerpt, tokenForms, VersoError } from '../src/errors.js'
import { parseImage } from '../src/image/image.js'

// What actions/checkout writes into .git/config: the token, base64 encoded.
const CREDENTIAL = Buffer.from('x-access-token:ghs_0123456789abcdefghijklmnopqrstuvwxyz').toString('base64')

describe('excerpt', () => {
  const table: [string, string][] = [
    ['document.Document/0.2', 'document.Document/0.2'],
    ['settings.DeviceConfiguration/0.14', 'settings.DeviceConfiguration/0.14'],
    [`AUTHORIZATION: basic ${CREDENTIAL}`, 'AUTHORIZATION: basic [redacted]'],
    ['token ghp_AbCdEf0123456789AbCdEf0123456789 here', 'token [redacted] here'],
    ['a token with two digits ghp_abcdefghijklmnopqrstuvwxyzABCDEF12', 'a token with two digits [redacted]'],
    ['aws AKIAABCDEFGHIJKLMNOP', 'aws [redacted]'],
    ['line one\nline two\u0007', 'line one line two'],
    ['x'.repeat(100), `${'x'.repeat(40)}…`]
  ]
  it.each(table)('%j → %j', (text, expected) => expect(excerpt(text)).toBe(expected))

  it('never shows 20 characters of a token, however the text is cut', () => {
    for (let cut = 0; cut < 60; cut++) expect(excerpt(`${'a '.repeat(cut)}${CREDENTIAL}`)).not.toMatch(/[A-Za-z0-9+/=]{20}/)
  })
})

describe('a file that holds a credential and does not parse', () => {
  it('is reported by line, without the credential', () => {
    const config = `[core]\n\tbare = false\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${CREDENTIAL}\n`
    let message = ''
    try {
      parseImage(config, '.release-image')
    } catch (error) {
      message = `${(error as Error).message}\n${JSON.stringify(error)}`
    }
    expect(message).toContain('.release-image')
    expect(message).not.toContain(CREDENTIAL.slice(0, 20))
  })
})

describe('describeError', () => {
  it('gives the message, the details and the hint of a VersoError', () => {
    const error = new VersoError('EUSAGE', 'Bad flag.', { hint: 'Run verso help.', details: ['--x', '--y'] })
    expect(describeError(error)).toBe('Bad flag.\n  - --x\n  - --y\nRun verso help.')
  })
})

describe('tokenForms', () => {
  it('names the token as written, URL-encoded, base64, and as the basic credential checkout writes', () => {
    expect(tokenForms('ghs_a/b+c')).toEqual([
      'ghs_a/b+c',
      'ghs_a%2Fb%2Bc',
      Buffer.from('ghs_a/b+c').toString('base64'),
      Buffer.from('x-access-token:ghs_a/b+c').toString('base64')
    ])
  })
})

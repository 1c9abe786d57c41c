import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { compareExtended, formatExtended, normalizeArtifactVersion, parseExtended } from '../../src/versions/extended.js'
import { parseSemver } from '../../src/versions/semver.js'

const v = (text: string) => {
  const parsed = normalizeArtifactVersion(text)
  if (!parsed) throw new Error(`bad fixture ${text}`)
  return parsed
}

const extended = (artifact: string, packageVersion: string, packageName = 'account') =>
  formatExtended({ artifact: v(artifact), packageVersion, packageName })

/** What every text formatExtended writes must be: strict SemVer, build metadata and all. */
function expectSemver(text: string): void {
  const parsed = semver.parse(text, { loose: false })
  expect(parsed, text).not.toBeNull()
  expect(semver.valid(text), text).toBe(parsed!.version)
  expect(`${parsed!.version}+${parsed!.build.join('.')}`).toBe(text)
  expect(parseSemver(text)?.version).toBe(parsed!.version)
}

describe('normalizeArtifactVersion', () => {
  it.each([
    ['2.5', '2.5.0'],
    ['2', '2.0.0'],
    ['0', '0.0.0'],
    ['0.3', '0.3.0'],
    ['10.20', '10.20.0'],
    ['2.5.1', '2.5.1'],
    ['1.0.0-alpha.1', '1.0.0-alpha.1'],
    ['1.0.0-0', '1.0.0-0']
  ])('reads %s as %s', (text, expected) => {
    expect(normalizeArtifactVersion(text)?.version).toBe(expected)
  })

  it.each([
    ['a leading zero', '02.5'],
    ['a leading zero in the minor', '2.05'],
    ['a leading zero in the patch', '2.5.01'],
    ['a leading zero in a prerelease number', '1.0.0-01'],
    ['a v', 'v2.5'],
    ['a short form with a prerelease', '2.5-rc.1'],
    ['build metadata', '1.0.0+sha.4f2a9c1'],
    ['four numbers', '2.5.1.0'],
    ['a trailing dot', '2.'],
    ['no major', '.5'],
    ['a space', ' 2.5'],
    ['a word', 'latest'],
    ['nothing', ''],
    ['a number beyond safe integers', '9007199254740992']
  ])('refuses %s: %j', (_, text) => {
    expect(normalizeArtifactVersion(text)).toBeNull()
  })
})

describe('the issue, under real SemVer precedence', () => {
  it('writes its example, from a history tag', () => {
    expect(extended('1.0', '1.17.0')).toBe('1.0.0-pkg.1.17.0+account')
    expect(extended('2.5', '1.17.0')).toBe('2.5.0-pkg.1.17.0+account')
  })

  it('holds for its two orderings, as written', () => {
    expect(semver.gt('1.0.0-pkg.1.18.0', '1.0.0-pkg.1.17.0')).toBe(true)
    expect(semver.gt('2.0.0-pkg.1.0.0', '1.0.0-pkg.2.0.0')).toBe(true)
    expect(compareExtended(extended('1.0', '1.18.0'), extended('1.0', '1.17.0'))).toBe(1)
    expect(compareExtended(extended('2.0', '1.0.0'), extended('1.0', '2.0.0'))).toBe(1)
  })

  // The issue's prerelease example had to change: a hyphen does not separate identifiers.
  it('spells a prerelease artifact as SemVer reads it, not as the issue does', () => {
    expect(semver.valid('1.0.0-alpha.1-pkg.1.17.0+account')).toBe('1.0.0-alpha.1-pkg.1.17.0')
    expect(semver.parse('1.0.0-alpha.1-pkg.1.17.0+account')?.prerelease).toEqual(['alpha', '1-pkg', 1, 17, 0])
    expect(extended('1.0.0-alpha.1', '1.17.0')).toBe('1.0.0-0.alpha.1.0.pkg.1.17.0+account')
  })

  // `1-pkg` is a word, compared as text; spelt the issue's way, these come out wrong.
  it.each([
    ['alpha.10 above alpha.9', '1.0.0-alpha.9-pkg.1.17.0', '1.0.0-alpha.10-pkg.1.17.0'],
    ['alpha.1 above alpha', '1.0.0-alpha-pkg.1.17.0', '1.0.0-alpha.1-pkg.1.17.0'],
    ['alpha.beta above alpha', '1.0.0-alpha-pkg.1.17.0', '1.0.0-alpha.beta-pkg.1.17.0'],
    ['the release above its rc', '1.0.0-rc.1-pkg.1.17.0', '1.0.0-pkg.1.17.0']
  ])('would not put %s, spelt literally', (_, lower, higher) => {
    expect(semver.lt(lower, higher)).toBe(false)
  })

  it('writes a prerelease artifact so that those orderings hold', () => {
    const ascending = [
      extended('1.0.0-alpha', '1.17.0'),
      extended('1.0.0-alpha.1', '1.17.0'),
      extended('1.0.0-alpha.1', '1.18.0'),
      extended('1.0.0-alpha.9', '1.17.0'),
      extended('1.0.0-alpha.10', '1.17.0'),
      extended('1.0.0-alpha.beta', '1.17.0'),
      extended('1.0.0-rc.1', '1.17.0'),
      extended('1.0.0', '1.0.0'),
      extended('1.0.0', '1.17.0')
    ]
    expect([...ascending].reverse().sort(semver.compare)).toEqual(ascending)
    expect([...ascending].reverse().sort(compareExtended)).toEqual(ascending)
  })

  // The one order SemVer leaves no room for: nothing fits below `pkg.0.0.0` but its prefixes.
  it('puts a package prerelease above its release, and only there', () => {
    const rc = extended('1.0', '1.18.0-rc.0')
    expect(rc).toBe('1.0.0-pkg.1.18.0.rc.0+account')
    expect(compareExtended(rc, extended('1.0', '1.18.0'))).toBe(1)
    expect(compareExtended(rc, extended('1.0', '1.17.9'))).toBe(1)
    expect(compareExtended(rc, extended('1.0', '1.18.1-rc.0'))).toBe(-1)
    expect(compareExtended(rc, extended('1.0', '1.18.0-rc.1'))).toBe(-1)
    // A hyphen would be worse: `0-rc` is a word, and words sort above every patch number.
    expect(semver.gt('1.0.0-pkg.1.18.0-rc.0', '1.0.0-pkg.1.18.5')).toBe(true)
  })
})

describe('formatExtended and parseExtended', () => {
  it.each([
    ['1.0', '1.17.0', 'account', '1.0.0-pkg.1.17.0+account'],
    ['2.5.1', '0.1.0', 'account', '2.5.1-pkg.0.1.0+account'],
    ['1.0', '1.17.0', '@acme/account', '1.0.0-pkg.1.17.0+acme.account'],
    ['1.0', '1.17.0', 'my-package', '1.0.0-pkg.1.17.0+my-package'],
    ['1.0', '1.17.0', 'socket.io', '1.0.0-pkg.1.17.0+socket--2Eio'],
    ['1.0', '1.17.0', '@socket.io/component-emitter', '1.0.0-pkg.1.17.0+socket--2Eio.component-emitter'],
    ['1.0', '1.17.0', 'string_decoder', '1.0.0-pkg.1.17.0+string--5Fdecoder'],
    ['1.0', '1.17.0', 'Legacy~Name', '1.0.0-pkg.1.17.0+Legacy--7EName'],
    ['1.0', '1.17.0', 'web app', '1.0.0-pkg.1.17.0+web--20app'],
    ['1.0', '1.17.0', 'été', '1.0.0-pkg.1.17.0+--C3--A9t--C3--A9'],
    // A `-` that would read as the start of an escaped byte is escaped itself.
    ['1.0', '1.17.0', 'a--5F', '1.0.0-pkg.1.17.0+a--2D-5F'],
    ['1.0', '1.17.0', 'a-_', '1.0.0-pkg.1.17.0+a---5F'],
    ['1.0', '1.17.0', '@/x', '1.0.0-pkg.1.17.0+--40--2Fx'],
    ['1.0', '1.17.0', '@a/b/c', '1.0.0-pkg.1.17.0+a.b--2Fc'],
    ['1.0', '1.18.0-rc.0', 'account', '1.0.0-pkg.1.18.0.rc.0+account'],
    ['1.0', '1.18.0-0', 'account', '1.0.0-pkg.1.18.0.0+account'],
    ['2.0.0-rc.0', '1.17.0', 'account', '2.0.0-0.rc.0.z.0.pkg.1.17.0+account'],
    ['2.0.0-0', '1.17.0', 'account', '2.0.0-0.0.z.0.pkg.1.17.0+account'],
    ['2.0.0-pkg.0.z', '1.17.0-pkg.0', 'account', '2.0.0-0.pkg.0.z.z.0.pkg.1.17.0.pkg.0+account']
  ])('%s in %s of %s is %s', (artifact, packageVersion, packageName, expected) => {
    const input = { artifact: v(artifact), packageVersion, packageName }
    const frozen = JSON.stringify(input)
    const text = formatExtended(input)
    expect(text).toBe(expected)
    expect(JSON.stringify(input), 'inputs are not mutated').toBe(frozen)
    expectSemver(text)
    const parsed = parseExtended(text)
    expect(parsed?.artifact.version).toBe(v(artifact).version)
    expect(parsed?.packageVersion.version).toBe(packageVersion)
    expect(parsed?.packageName).toBe(packageName)
  })

  it('takes a name as long as npm allows', () => {
    const name = `@${'a'.repeat(100)}/${'b'.repeat(112)}`
    expect(parseExtended(formatExtended({ artifact: v('1.0'), packageVersion: '1.17.0', packageName: name }))?.packageName).toBe(name)
  })

  it('takes the package version parsed too', () => {
    expect(formatExtended({ artifact: v('1.0'), packageVersion: new semver.SemVer('1.17.0'), packageName: 'account' })).toBe(
      '1.0.0-pkg.1.17.0+account'
    )
  })

  it.each([
    [
      'an artifact with build metadata',
      { artifact: new semver.SemVer('1.0.0+sha.1'), packageVersion: '1.17.0', packageName: 'a' },
      /has build metadata/
    ],
    [
      'a package version with build metadata',
      { artifact: v('1.0'), packageVersion: '1.17.0+sha.1', packageName: 'a' },
      /has build metadata/
    ],
    [
      'a package version that is not SemVer',
      { artifact: v('1.0'), packageVersion: 'v1.17.0', packageName: 'a' },
      /is not a SemVer version/
    ],
    ['a short package version', { artifact: v('1.0'), packageVersion: '1.17', packageName: 'a' }, /is not a SemVer version/],
    ['an empty name', { artifact: v('1.0'), packageVersion: '1.17.0', packageName: '' }, /is not a package name/],
    // npm's longest names fit as they are, but an escaped character takes 4: 60 underscores do not.
    [
      'a text semver would not read',
      { artifact: v('1.0'), packageVersion: '1.17.0', packageName: '_'.repeat(60) },
      /is 257 characters; .* at most 256/
    ],
    [
      'a name that is not well-formed Unicode',
      { artifact: v('1.0'), packageVersion: '1.17.0', packageName: 'a\uD800' },
      /is not a package name/
    ]
  ])('refuses %s', (_, input, error) => {
    expect(() => formatExtended(input)).toThrow(error)
  })

  it.each([
    ['no prerelease', '1.0.0+account'],
    ['no name', '1.0.0-pkg.1.17.0'],
    ['a short package version', '1.0.0-pkg.1.17+account'],
    ['a package version with a leading zero', '1.0.0-pkg.01.17.0+account'],
    ['a package version beyond safe integers', '1.0.0-pkg.9007199254740992.0.0+account'],
    ['no package mark', '1.0.0-1.17.0+account'],
    ['an artifact prerelease without the opening 0', '1.0.0-alpha.pkg.1.17.0+account'],
    ['an artifact prerelease never closed', '1.0.0-0.alpha.pkg.1.17.0+account'],
    ['an empty artifact prerelease', '1.0.0-0.0.pkg.1.17.0+account'],
    ['an artifact 0 not escaped', '1.0.0-0.rc.0.0.pkg.1.17.0+account'],
    ['three name identifiers', '1.0.0-pkg.1.17.0+a.b.c'],
    ['a letter escaped', '1.0.0-pkg.1.17.0+--61ccount'],
    ['a hyphen escaped where it need not be', '1.0.0-pkg.1.17.0+my--2Dpackage'],
    ['a scope holding a slash', '1.0.0-pkg.1.17.0+a--2Fb.c'],
    ['bytes that are not UTF-8', '1.0.0-pkg.1.17.0+--C3'],
    ['a v', 'v1.0.0-pkg.1.17.0+account'],
    ['loose SemVer', '1.0.0-pkg.1.17.0+account '],
    ['nothing', '']
  ])('parses nothing from %s: %j', (_, text) => {
    expect(parseExtended(text)).toBeNull()
  })

  it('refuses to compare text that is not an extended version', () => {
    expect(() => compareExtended('1.0.0', '1.0.0-pkg.1.17.0+account')).toThrow(/"1\.0\.0" is not an extended version/)
    expect(() => compareExtended('1.0.0-pkg.1.17.0+account', '1.0.0-1-pkg.1.17.0+account')).toThrow(/is not an extended version/)
  })

  it('ignores the name when comparing', () => {
    expect(compareExtended(extended('1.0', '1.17.0', 'web'), extended('1.0', '1.17.0', '@acme/account'))).toBe(0)
  })
})

// Identifiers as SemVer allows them, leaning on the ones the encoding gives a meaning to.
const numeric = fc.oneof(fc.nat(3), fc.constant(0), fc.bigInt({ min: 0n, max: 10n ** 20n }))
const word = fc.oneof(
  fc.constantFrom('0a', '-', 'A', 'Z', 'alpha', 'beta', 'pkg', 'pkh', 'rc', 'x-1', 'z', 'za'),
  fc.stringMatching(/^[0-9A-Za-z-]{1,6}$/).filter((id) => !/^[0-9]+$/.test(id))
)
const identifier = fc.oneof(numeric.map(String), word)
const version = fc
  .tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.array(identifier, { maxLength: 3 }))
  .map(([a, b, c, pre]) => new semver.SemVer(`${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}`))

// npm names, scoped or not, with the capitals older packages have; and any text at all.
const npmPart = fc.stringMatching(/^[a-zA-Z0-9~-][a-zA-Z0-9._~-]{0,10}$/)
const npmName = fc.tuple(fc.option(npmPart, { nil: null }), npmPart).map(([scope, name]) => (scope === null ? name : `@${scope}/${name}`))
const trickyName = fc.stringMatching(/^[-@/._0-9A-F]{1,10}$/)
const packageName = fc.oneof(npmName, trickyName, fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }))

describe('formatExtended, for any artifact, package version and name', () => {
  it('writes valid SemVer that parses back to what it was made from', () => {
    fc.assert(
      fc.property(version, version, packageName, (artifact, packageVersion, name) => {
        const text = formatExtended({ artifact, packageVersion, packageName: name })
        expectSemver(text)
        expect(parseExtended(text)?.artifact.version).toBe(artifact.version)
        expect(parseExtended(text)?.packageVersion.version).toBe(packageVersion.version)
        expect(parseExtended(text)?.packageName).toBe(name)
      }),
      { numRuns: 1000 }
    )
  })

  const coreOf = (x: semver.SemVer) => `${x.major}.${x.minor}.${x.patch}`
  // Pairs that share the artifact or the package version often, as a package's history does.
  const pair = fc
    .tuple(version, version, version, version, fc.constantFrom('nothing', 'artifact', 'package', 'artifact and package core'))
    .map(([a1, p1, a2, p2, shared]) => ({
      a1,
      p1,
      a2: shared.startsWith('artifact') ? a1 : a2,
      p2:
        shared === 'package'
          ? p1
          : shared === 'artifact and package core'
            ? new semver.SemVer(`${coreOf(p1)}${p2.prerelease.length ? `-${p2.prerelease.join('.')}` : ''}`)
            : p2
    }))

  it('orders by artifact version, then package version, but for a package prerelease against its release', () => {
    fc.assert(
      fc.property(pair, packageName, packageName, ({ a1, p1, a2, p2 }, n1, n2) => {
        const one = formatExtended({ artifact: a1, packageVersion: p1, packageName: n1 })
        const two = formatExtended({ artifact: a2, packageVersion: p2, packageName: n2 })
        const precedence = semver.compare(one, two)
        expect(compareExtended(one, two)).toBe(precedence)
        const byArtifact = semver.compare(a1, a2)
        const byPackage = semver.compare(p1, p2)
        const inverted = byArtifact === 0 && coreOf(p1) === coreOf(p2) && (p1.prerelease.length === 0) !== (p2.prerelease.length === 0)
        expect(precedence, `${one} against ${two}`).toBe(inverted ? -byPackage : byArtifact || byPackage)
      }),
      { numRuns: 2000 }
    )
  })
})

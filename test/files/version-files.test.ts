import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseVersionFileRules, updatePackageLock, updateVersionFile, type VersionFileRule } from '../../src/files/version-files.js'

/** The one rule an item parses to; fails the test on a problem. */
function rule(item: string): VersionFileRule {
  const { rules, problems } = parseVersionFileRules([item])
  expect(problems).toEqual([])
  return rules[0]!
}

/** The new text, failing the test with the error when there is one. */
function update(item: string, text: string, version = '1.3.0', path = item.split(':')[0]!): { text: string; changed: boolean } {
  const result = updateVersionFile(rule(item), path, text, version)
  if ('error' in result) throw new Error(result.error)
  return result
}

function updateError(item: string, text: string, path = item.split(':')[0]!): string {
  const result = updateVersionFile(rule(item), path, text, '1.3.0')
  return 'error' in result ? result.error : `no error: ${JSON.stringify(result.text)}`
}

describe('parseVersionFileRules', () => {
  const table: [string, Record<string, unknown>][] = [
    ['package.json', { kind: 'manifest', path: 'package.json', glob: false }],
    ['./packages/a/package.json', { kind: 'manifest', path: 'packages/a/package.json', glob: false }],
    ['packages/*/package.json', { kind: 'manifest', path: 'packages/*/package.json', glob: true }],
    ['composer.json', { kind: 'manifest', path: 'composer.json' }],
    ['tool.json:$.version', { kind: 'json', path: 'tool.json', keys: ['version'] }],
    ['tool.json:$.tool.version', { kind: 'json', keys: ['tool', 'version'] }],
    ['tool.json:$.items[0].version', { kind: 'json', keys: ['items', 0, 'version'] }],
    ['tool.json:$["odd-key"]["a.b"]', { kind: 'json', keys: ['odd-key', 'a.b'] }],
    [`tool.json:$['single \\' quote']`, { kind: 'json', keys: ["single ' quote"] }],
    ['tool.json:$.with-dash.v2', { kind: 'json', keys: ['with-dash', 'v2'] }],
    ['tool.json:$["esc\\"aped\\u0041"]', { kind: 'json', keys: ['esc"apedA'] }],
    ['version.txt:/^(.*)$/', { kind: 'regex', path: 'version.txt', all: false }],
    ['setup.py:/version="([^"]+)"/', { kind: 'regex', path: 'setup.py', all: false }],
    ['README.md:/action@v([\\d.]+)/g', { kind: 'regex', all: true }],
    ['Chart.yaml:/^version: (\\S+)$/i', { kind: 'regex', all: false }],
    ['crates/*/Cargo.toml:/^version = "([^"]+)"/', { kind: 'regex', path: 'crates/*/Cargo.toml', glob: true }],
    ['pom.xml:/<version>(?:v)?(?<v>[^<]+)<\\/version>/', { kind: 'regex' }]
  ]
  it.each(table)('reads %s', (item, expected) => {
    expect(rule(item)).toMatchObject({ ...expected, source: item })
  })

  it('keeps the regex’s own flags, and always matches ^ and $ at lines', () => {
    const parsed = rule('Chart.yaml:/^Version: (\\S+)$/is')
    expect(parsed.kind === 'regex' && parsed.pattern.flags).toBe('ims')
  })

  it('skips blank items and reports every problem at once', () => {
    const { rules, problems } = parseVersionFileRules(['', '  package.json  ', '/abs.json', 'x.txt'])
    expect(rules).toHaveLength(1)
    expect(problems).toHaveLength(2)
  })

  const refusals: [string, string][] = [
    ['/etc/package.json', 'is an absolute path; write it relative to the repository.'],
    ['C:\\work\\package.json', 'is an absolute path'],
    ['../package.json', 'leads out of the repository (`..`)'],
    ['a/../../package.json', 'leads out of the repository'],
    ['packages\\a\\package.json', 'has a backslash: separate folders with `/`'],
    ['.git/config:/(x)/', 'is inside .git'],
    ['sub/.GIT/x.json', 'is inside .git'],
    ['!packages/private/package.json', 'is an exclusion'],
    ['packages/', 'names a folder'],
    [':$.version', 'names no file'],
    [
      'version.txt',
      'does not say where the version is. Follow the path with a regex whose one group is the version (`version.txt:/^(.*)$/` for a file that holds only the version'
    ],
    ['tool.json:version', 'the colon must be followed by a JSONPath (`$.version`) or a regex between slashes'],
    ['tool.json:$', 'has a JSONPath verso does not read'],
    ['tool.json:$..version', 'has a JSONPath verso does not read'],
    ['tool.json:$.*.version', 'has a JSONPath verso does not read'],
    ['tool.json:$.items[-1]', 'has a JSONPath verso does not read'],
    ['tool.json:$[?(@.v)]', 'no wildcards or filters'],
    ['tool.json:$.a b', 'has a JSONPath verso does not read'],
    ['version.txt:/^.*$/', 'has 0 capture groups; it needs exactly one, around the version (write any other group as `(?:…)`).'],
    ['version.txt:/(a)(b)/', 'has 2 capture groups'],
    ['version.txt:/(unclosed/', 'is not a valid regex: Invalid regular expression'],
    ['version.txt:/(x)/y', 'has flags `y` after its regex'],
    ['version.txt:/(x)/gg', 'has flags `gg`'],
    ['version.txt://', 'has no regex between the slashes'],
    ['version.txt:/', 'has no regex between the slashes']
  ]
  it.each(refusals)('refuses %s, saying what to write', (item, words) => {
    const { rules, problems } = parseVersionFileRules([item])
    expect(rules).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(words)
    expect(problems[0]).toMatch(/^version-files: /)
  })

  it('does not take a name that starts with two dots for `..`', () => {
    expect(rule('..data/package.json')).toMatchObject({ path: '..data/package.json' })
  })
})

describe('updateVersionFile on JSON', () => {
  const formats: [string, string, string][] = [
    [
      'two spaces',
      '{\n  "name": "a",\n  "version": "1.2.0",\n  "private": true\n}\n',
      '{\n  "name": "a",\n  "version": "1.3.0",\n  "private": true\n}\n'
    ],
    ['four spaces', '{\n    "version": "1.2.0",\n    "name": "a"\n}\n', '{\n    "version": "1.3.0",\n    "name": "a"\n}\n'],
    ['tabs', '{\n\t"name": "a",\n\t"version":\t"1.2.0"\n}\n', '{\n\t"name": "a",\n\t"version":\t"1.3.0"\n}\n'],
    ['CRLF', '{\r\n  "name": "a",\r\n  "version": "1.2.0"\r\n}\r\n', '{\r\n  "name": "a",\r\n  "version": "1.3.0"\r\n}\r\n'],
    ['no final newline', '{"name":"a","version":"1.2.0"}', '{"name":"a","version":"1.3.0"}'],
    ['a byte-order mark', '\uFEFF{ "version" : "1.2.0" }\n', '\uFEFF{ "version" : "1.3.0" }\n'],
    ['escapes in other strings', '{"a":"x\\"version\\": \\"9\\"","version":"1.2.0"}', '{"a":"x\\"version\\": \\"9\\"","version":"1.3.0"}'],
    [
      'a nested version first',
      '{"dependencies":{"version":"9.9.9"},"version":"1.2.0"}',
      '{"dependencies":{"version":"9.9.9"},"version":"1.3.0"}'
    ]
  ]
  it.each(formats)('changes only the top-level version, with %s', (_, before, after) => {
    expect(update('package.json', before)).toEqual({ text: after, changed: true })
  })

  it('keeps unusual spacing and key order around the value', () => {
    const text = '{ "z" : 1 ,\n\n   "version"   :   "0.0.0-development"  , "a": [1, {"version": "x"}] }'
    expect(update('package.json', text).text).toBe(text.replace('0.0.0-development', '1.3.0'))
  })

  it('is unchanged when the file already holds the version (a re-run)', () => {
    const text = '{\n  "version": "1.3.0"\n}\n'
    expect(update('package.json', text)).toEqual({ text, changed: false })
  })

  it('takes the last of a key written twice, as JSON.parse does', () => {
    expect(update('package.json', '{"version":"1.0.0","version":"1.2.0"}').text).toBe('{"version":"1.0.0","version":"1.3.0"}')
  })

  it.each([
    [
      'tool.json:$.tool.version',
      '{"tool": {"name": "x", "version": "1.2.0"}, "version": "0"}',
      '{"tool": {"name": "x", "version": "1.3.0"}, "version": "0"}'
    ],
    ['tool.json:$.items[1].version', '{"items":[{"version":"a"},{"version":"1.2.0"}]}', '{"items":[{"version":"a"},{"version":"1.3.0"}]}'],
    ['tool.json:$["odd-key"]', '{"odd-key": "1.2.0", "odd": "1.2.0"}', '{"odd-key": "1.3.0", "odd": "1.2.0"}'],
    ['tool.json:$["a\\"b"]', '{"a\\"b": "1.2.0"}', '{"a\\"b": "1.3.0"}'],
    ['tool.json:$.list[0]', '{"list": ["1.2.0", [ "1.2.0" ]]}', '{"list": ["1.3.0", [ "1.2.0" ]]}'],
    ['tool.json:$.v', '{"w": {"v": "no"}, "v": "1.2.0"}', '{"w": {"v": "no"}, "v": "1.3.0"}']
  ])('%s', (item, before, after) => {
    expect(update(item, before).text).toBe(after)
  })

  it('changes the value at the path and nothing else, in any JSON written any way', () => {
    const version = fc.stringMatching(/^\d{1,3}\.\d{1,3}\.\d{1,3}(-rc\.\d)?$/)
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        fc.constantFrom(0, 2, 4, '\t', ' \t '),
        fc.boolean(),
        version,
        version,
        (other, indent, crlf, before, after) => {
          const value = { ...other, tool: { ...other, version: before } }
          const written = JSON.stringify(value, null, indent)
          const text = crlf ? written.replaceAll('\n', '\r\n') : written
          const result = update('tool.json:$.tool.version', text, after)
          // Compared with the text read back, not the value: JSON has no -0.
          const expected = JSON.parse(text) as { tool: object }
          expect(JSON.parse(result.text)).toEqual({ ...expected, tool: { ...expected.tool, version: after } })
          expect(result.text.length - text.length).toBe(after.length - before.length)
          expect(result.changed).toBe(before !== after)
        }
      )
    )
  })

  it('writes the version as a JSON string, escaped', () => {
    expect(update('package.json', '{"version":"1"}', 'a"b').text).toBe('{"version":"a\\"b"}')
  })

  it('applies a glob rule to the concrete path it is given', () => {
    expect(updateVersionFile(rule('packages/*/package.json'), 'packages/a/package.json', '{"version":"1"}', '2')).toEqual({
      text: '{"version":"2"}',
      changed: true
    })
  })

  const errors: [string, string, string][] = [
    [
      'package.json',
      '{"name": "a"}',
      'package.json has no $.version, where `package.json` looks for the version: add it, or correct the rule.'
    ],
    ['tool.json:$.tool.version', '{"tool": {}}', 'tool.json has no $.tool.version, where `tool.json:$.tool.version` looks for the version'],
    ['tool.json:$.tool.version', '{"other": 1}', 'tool.json has no $.tool (so no $.tool.version)'],
    ['tool.json:$.tool.version', '{"tool": "1.2.0"}', 'tool.json has no $.tool.version'],
    ['tool.json:$.items[3]', '{"items": ["a"]}', 'tool.json has no $.items[3]'],
    ['tool.json:$.items[0]', '{"items": {"0": "a"}}', 'tool.json has no $.items[0]'],
    ['tool.json:$["odd key"]', '{}', 'tool.json has no $["odd key"]'],
    ['package.json', '{"version": 1.2}', 'package.json: $.version is the number 1.2, not a string: verso writes the version as a string.'],
    ['package.json', '{"version": null}', 'package.json: $.version is null, not a string'],
    ['package.json', '{"version": {"v": 1}}', 'package.json: $.version is an object, not a string'],
    ['package.json', '{"version": "1.2.0",}', 'package.json is not valid JSON ('],
    ['package.json', '', 'package.json is not valid JSON ('],
    ['package.json', '["1.2.0"]', 'package.json has no $.version']
  ]
  it.each(errors)('%s in %s: an error naming the file and the rule', (item, text, words) => {
    expect(updateError(item, text)).toContain(words)
  })

  it('says a broken file cannot be updated, quoting at most a redacted excerpt', () => {
    const error = updateError('package.json', `{"token": "ghp_${'a1'.repeat(18)}", oops}`)
    expect(error).toMatch(/^package\.json is not valid JSON \(.*\), so `package\.json` cannot update it\.$/)
    expect(error).not.toContain('a1a1a1a1')
  })
})

describe('updateVersionFile with a regex', () => {
  const table: [string, string, string, string][] = [
    ['a whole file', 'version.txt:/^(.*)$/', '1.2.0\n', '1.3.0\n'],
    ['a whole file without a newline', 'version.txt:/^(.*)$/', '1.2.0', '1.3.0'],
    ['a whole file with CRLF', 'version.txt:/^(.*)$/', '1.2.0\r\nsecond line\r\n', '1.3.0\r\nsecond line\r\n'],
    [
      'setup.py',
      'setup.py:/version="([^"]+)"/',
      'setup(\n    name="a",\n    version="1.2.0",\n)\n',
      'setup(\n    name="a",\n    version="1.3.0",\n)\n'
    ],
    [
      'the first match only',
      'pyproject.toml:/^version = "([^"]+)"/',
      '[project]\nversion = "1.2.0"\n[tool.x]\nversion = "0.1"\n',
      '[project]\nversion = "1.3.0"\n[tool.x]\nversion = "0.1"\n'
    ],
    [
      'every match with g',
      'README.md:/uses: me\\/it@v([\\d.]+)/g',
      'uses: me/it@v1.2.0\n\nuses: me/it@v1.2.0\n',
      'uses: me/it@v1.3.0\n\nuses: me/it@v1.3.0\n'
    ],
    [
      'a line in the middle, with tabs',
      'Chart.yaml:/^version:\\t(.+)$/',
      'name: a\nversion:\t1.2.0\nappVersion: 1\n',
      'name: a\nversion:\t1.3.0\nappVersion: 1\n'
    ],
    ['a case-insensitive match', 'a.txt:/VERSION=(\\S+)/i', 'version=1.2.0', 'version=1.3.0'],
    ['a named group', 'pom.xml:/<version>(?<v>[^<]+)<\\/version>/', '<version>1.2.0</version>', '<version>1.3.0</version>'],
    ['a group after a lookbehind', 'a.txt:/(?<=v)(\\d+\\.\\d+\\.\\d+)/', 'at v1.2.0 now', 'at v1.3.0 now']
  ]
  it.each(table)('%s', (_, item, before, after) => {
    expect(update(item, before)).toEqual({ text: after, changed: true })
  })

  it('puts the version in literally: `$&` in it is not a replacement pattern', () => {
    expect(update('a.txt:/v=(.*)/', 'v=1', '$&-$1').text).toBe('v=$&-$1')
  })

  it('is unchanged when the file already holds the version', () => {
    expect(update('version.txt:/^(.*)$/', '1.3.0\n')).toEqual({ text: '1.3.0\n', changed: false })
  })

  it.each([
    [
      'version.txt:/^(\\d+\\.\\d+\\.\\d+)$/',
      'none here\n',
      'version.txt has no match for /^(\\d+\\.\\d+\\.\\d+)$/ (`version.txt:/^(\\d+\\.\\d+\\.\\d+)$/`): correct the regex, or the file.'
    ],
    ['version.txt:/^(.*)$/', '', 'version.txt: the capture group of /^(.*)$/ is empty on line 1; it must hold the version there.'],
    ['version.txt:/^(.*)$/', '\n1.2.0\n', 'is empty on line 1'],
    [
      'a.txt:/v=(\\d+)?x/',
      'a\nv=x',
      'a.txt: the capture group of /v=(\\d+)?x/ took no part in its match on line 2; make the group required.'
    ],
    ['a.txt:/v=(\\S*)/g', 'v=1 v=', 'is empty on line 1']
  ])('%s on %j: an error', (item, text, words) => {
    expect(updateError(item, text)).toContain(words)
  })
})

describe('updatePackageLock', () => {
  const lockV3 = [
    '{',
    '  "name": "mono",',
    '  "version": "1.2.0",',
    '  "lockfileVersion": 3,',
    '  "requires": true,',
    '  "packages": {',
    '    "": {',
    '      "name": "mono",',
    '      "version": "1.2.0",',
    '      "workspaces": ["packages/*"]',
    '    },',
    '    "node_modules/@mono/a": {',
    '      "resolved": "packages/a",',
    '      "link": true',
    '    },',
    '    "node_modules/left-pad": {',
    '      "version": "1.2.0",',
    '      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.2.0.tgz"',
    '    },',
    '    "packages/a": {',
    '      "name": "@mono/a",',
    '      "version": "0.4.1",',
    '      "dependencies": { "left-pad": "^1.2.0" }',
    '    },',
    '    "packages/b": {',
    '      "name": "@mono/b",',
    '      "version": "2.0.0"',
    '    }',
    '  }',
    '}',
    ''
  ].join('\n')

  function lockUpdate(text: string, options: Parameters<typeof updatePackageLock>[1]): string {
    const result = updatePackageLock(text, options)
    if ('error' in result) throw new Error(result.error)
    return result.text
  }

  it('updates the root version in both places and each released workspace, nothing else', () => {
    const after = lockUpdate(lockV3, { rootVersion: '1.3.0', workspaces: [{ path: 'packages/a', version: '0.5.0' }] })
    expect(after).toBe(
      lockV3
        .replace('"version": "1.2.0",\n  "lockfileVersion"', '"version": "1.3.0",\n  "lockfileVersion"')
        .replace('"name": "mono",\n      "version": "1.2.0"', '"name": "mono",\n      "version": "1.3.0"')
        .replace('"version": "0.4.1"', '"version": "0.5.0"')
    )
    expect(after).toContain('"version": "1.2.0",\n      "resolved": "https://registry')
    expect(after).toContain('"version": "2.0.0"')
  })

  it('updates workspaces alone, with their folders written as the caller likes', () => {
    const after = lockUpdate(lockV3, {
      workspaces: [
        { path: './packages/b/', version: '3.0.0' },
        { path: 'packages/a', version: '0.4.2' }
      ]
    })
    expect(after).toBe(lockV3.replace('"version": "2.0.0"', '"version": "3.0.0"').replace('"version": "0.4.1"', '"version": "0.4.2"'))
  })

  it('takes the workspace `.` for the root package', () => {
    const after = lockUpdate(lockV3, { workspaces: [{ path: '.', version: '1.3.0' }] })
    expect(after.match(/"version": "1\.3\.0"/g)).toHaveLength(2)
  })

  it('keeps CRLF and tabs, and reports no change on a re-run', () => {
    const text = lockV3.replaceAll('  ', '\t').replaceAll('\n', '\r\n')
    const once = lockUpdate(text, { rootVersion: '1.3.0', workspaces: [{ path: 'packages/a', version: '0.5.0' }] })
    expect(once.replace(/1\.3\.0/g, '1.2.0').replace('0.5.0', '0.4.1')).toBe(text)
    expect(updatePackageLock(once, { rootVersion: '1.3.0', workspaces: [{ path: 'packages/a', version: '0.5.0' }] })).toEqual({
      text: once,
      changed: false
    })
  })

  it('updates a lockfile v2 the same way, and a v1 at its top only', () => {
    const v2 = lockV3.replace('"lockfileVersion": 3', '"lockfileVersion": 2')
    expect(lockUpdate(v2, { rootVersion: '1.3.0', workspaces: [] }).match(/1\.3\.0/g)).toHaveLength(2)
    const v1 = '{\n  "name": "a",\n  "version": "1.2.0",\n  "lockfileVersion": 1,\n  "dependencies": {}\n}\n'
    expect(lockUpdate(v1, { rootVersion: '1.3.0', workspaces: [] })).toBe(v1.replace('1.2.0', '1.3.0'))
  })

  it('changes nothing when asked for nothing', () => {
    expect(updatePackageLock(lockV3, { workspaces: [] })).toEqual({ text: lockV3, changed: false })
  })

  it.each([
    [
      'a workspace the lockfile does not have',
      lockV3,
      { workspaces: [{ path: 'packages/c', version: '1.0.0' }] },
      'package-lock.json has no version for the workspace packages/c: run npm install and commit the lockfile it writes.'
    ],
    [
      'a workspace without a version',
      lockV3.replace('"version": "2.0.0"', '"private": true'),
      { workspaces: [{ path: 'packages/b', version: '1.0.0' }] },
      'has no version for the workspace packages/b'
    ],
    [
      'a root without a version',
      lockV3.replace('"version": "1.2.0",\n  "lock', '"lock'),
      { rootVersion: '1.3.0', workspaces: [] },
      'has no version for the root package'
    ],
    [
      'a lockfile without packages',
      '{"lockfileVersion": 3}',
      { workspaces: [{ path: 'packages/a', version: '1' }] },
      'has no version for the workspace packages/a'
    ],
    [
      'an unknown lockfileVersion',
      '{"lockfileVersion": 4}',
      { workspaces: [] },
      'package-lock.json has lockfileVersion 4; verso updates versions 1, 2 and 3.'
    ],
    ['no lockfileVersion', '{}', { workspaces: [] }, 'has lockfileVersion undefined'],
    [
      'workspaces in a v1 lockfile',
      '{"version": "1", "lockfileVersion": 1}',
      { workspaces: [{ path: 'a', version: '1' }] },
      'is a lockfileVersion 1, which records no workspaces'
    ],
    ['invalid JSON', '{', { workspaces: [] }, 'package-lock.json is not valid JSON ('],
    [
      'a version that is a number',
      '{"version": 1, "lockfileVersion": 1}',
      { rootVersion: '2', workspaces: [] },
      'records a version for the root package that is not a string'
    ],
    ['its own name', '{', { workspaces: [], path: 'npm-shrinkwrap.json' }, 'npm-shrinkwrap.json is not valid JSON']
  ])('is an error for %s', (_, text, options, words) => {
    const result = updatePackageLock(text, options)
    expect('error' in result && result.error).toContain(words)
  })
})

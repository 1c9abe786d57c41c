import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { diagnoseHeader, type Finding } from '../../src/validate/header.js'

const NC = 'not a Conventional Commit: '
const TYPES = ['feat', 'fix']

function diagnose(header: string, types: readonly string[] = DEFAULT_TYPES): Finding[] {
  return diagnoseHeader(header, parseMessage(header), types)
}

function finding(code: Finding['code'], message: string, example: string | null, guessed = false): Finding {
  return { code, message, example, guessed }
}

describe('diagnoseHeader: headers with nothing wrong', () => {
  it.each([
    'feat: add export',
    'feat(api)!: drop v1',
    'FIX(Parser): shout',
    'fix( api ): spaces inside the scope are the scope',
    'fix(scope with space): still a scope',
    'perf: a description: with a colon',
    'revert: feat: add export'
  ])('%j', (header) => {
    expect(diagnose(header)).toEqual([])
  })

  it('accepts any type when the list is empty', () => {
    expect(diagnose('wip: anything goes', [])).toEqual([])
    expect(diagnose('🐛 anything: goes', [])).toEqual([
      finding('not-conventional', `${NC}an emoji cannot come before the type; drop it, or put it after the colon.`, 'anything: goes')
    ])
  })
})

describe('diagnoseHeader: each mistake in the form, in its own words', () => {
  it.each<[string, Finding[]]>([
    [': no type', [finding('not-conventional', `${NC}the type is missing before the colon.`, 'chore: no type', true)]],
    ['feat (api): x', [finding('scope-format', `${NC}no space is allowed between the type and the scope.`, 'feat(api): x')]],
    ['feat!(api): x', [finding('scope-format', `${NC}the \`!\` goes after the scope (\`type(scope)!: description\`).`, 'feat(api)!: x')]],
    ['feat(api: x', [finding('scope-format', `${NC}the scope is not closed with \`)\`.`, 'feat(api): x')]],
    [
      'feat(): x',
      [finding('scope-format', `${NC}the scope \`()\` is empty; name the part of the code it changes, or drop the parentheses.`, 'feat: x')]
    ],
    ['feat(a(b): x', [finding('scope-format', `${NC}a scope cannot contain \`(\`.`, 'feat(ab): x')]],
    [
      'fix(ui) add button',
      [finding('not-conventional', `${NC}a colon must follow the scope (\`type(scope): description\`).`, 'fix(ui): add button')]
    ],
    [
      'feat(api)! drop v1',
      [finding('not-conventional', `${NC}a colon must follow the \`!\` (\`type(scope)!: description\`).`, 'feat(api)!: drop v1')]
    ],
    ['feat : x', [finding('colon-spacing', `${NC}no space is allowed before the colon.`, 'feat: x')]],
    ['feat ! : x', [finding('colon-spacing', `${NC}no space is allowed before the colon.`, 'feat!: x')]],
    ['feat:x', [finding('colon-spacing', `${NC}a space must follow the colon (\`type: description\`).`, 'feat: x')]],
    ['feat:  x', [finding('colon-spacing', `${NC}exactly one space must follow the colon (\`type: description\`).`, 'feat: x')]],
    ['feat: \u00a0x', [finding('colon-spacing', `${NC}exactly one space must follow the colon (\`type: description\`).`, 'feat: x')]],
    ['feat:', [finding('empty-description', `${NC}the description after the colon is empty.`, null)]],
    [
      ': ',
      [
        finding('not-conventional', `${NC}the type is missing before the colon.`, null),
        finding('empty-description', `${NC}the description after the colon is empty.`, null)
      ]
    ],
    [
      'Feature (api):Add export',
      [
        finding('scope-format', `${NC}no space is allowed between the type and the scope.`, 'feat(api): Add export'),
        finding('colon-spacing', `${NC}a space must follow the colon (\`type: description\`).`, 'feat(api): Add export'),
        finding(
          'unknown-type',
          'the type `Feature` is not allowed (did you mean `feat`?); ' +
            'use one of feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert.',
          'feat(api): Add export'
        )
      ]
    ]
  ])('%j', (header, expected) => {
    expect(diagnose(header)).toEqual(expected)
  })
})

describe('diagnoseHeader: types', () => {
  it.each<[string, readonly string[], Finding[]]>([
    [
      'feature: x',
      TYPES,
      [finding('unknown-type', 'the type `feature` is not allowed (did you mean `feat`?); use one of feat, fix.', 'feat: x')]
    ],
    ['Fxi: x', TYPES, [finding('unknown-type', 'the type `Fxi` is not allowed (did you mean `fix`?); use one of feat, fix.', 'fix: x')]],
    ['wip: add login', TYPES, [finding('unknown-type', 'the type `wip` is not allowed; use one of feat, fix.', 'feat: add login', true)]],
    ['WIP: fix(api): crash', TYPES, [finding('unknown-type', 'the type `WIP` is not allowed; use one of feat, fix.', 'fix(api): crash')]],
    ['wip: tidy up', TYPES, [finding('unknown-type', 'the type `wip` is not allowed; use one of feat, fix.', null)]],
    ['Feat: x', TYPES, []],
    [
      'Feature(api) add export',
      [],
      [finding('not-conventional', `${NC}a colon must follow the scope (\`type(scope): description\`).`, 'feature(api): add export')]
    ]
  ])('%j under %j', (header, types, expected) => {
    expect(diagnose(header, types)).toEqual(expected)
  })
})

describe('diagnoseHeader: headers that are no header at all', () => {
  it.each<[string, readonly string[], string | null, boolean]>([
    ['Update stuff', DEFAULT_TYPES, 'chore: update stuff', true],
    ['Fix (again) the crash', DEFAULT_TYPES, 'fix: (again) the crash', false],
    ['Wow! It ships', DEFAULT_TYPES, 'chore: wow! It ships', true],
    ['Update stuff', TYPES, null, false],
    // `wip(x) y` under these types is prose: `wip` is no type, so the colon is not "missing".
    ['wip(x) y', TYPES, null, false]
  ])('%j under %j', (header, types, example, guessed) => {
    const parsed = parseMessage(header)
    expect(parsed.kind).toBe('unconventional')
    expect(diagnose(header, types)).toEqual([
      finding('not-conventional', `${NC}${parsed.kind === 'unconventional' ? parsed.why : ''}.`, example, guessed)
    ])
  })

  it('tells a breaking-change footer written as the header, and marks the example breaking', () => {
    const message = `${NC}\`BREAKING CHANGE:\` is a footer, not a header; mark a breaking header with \`!\` after the type.`
    expect(diagnose('BREAKING CHANGE: drop Node 16')).toEqual([finding('not-conventional', message, 'chore!: drop Node 16', true)])
    expect(diagnose('breaking changes : Fix the API')).toEqual([finding('not-conventional', message, 'fix!: the API')])
    expect(diagnose('BREAKING-CHANGE: drop Node 16', TYPES)).toEqual([finding('not-conventional', message, null)])
  })

  it('tells an emoji before a header, and every other mistake after it', () => {
    const emoji = `${NC}an emoji cannot come before the type; drop it, or put it after the colon.`
    expect(diagnose('🐛 fix: gitmoji')).toEqual([finding('not-conventional', emoji, 'fix: gitmoji')])
    expect(diagnose(':bug::zap: fix(parser):crash')).toEqual([
      finding('not-conventional', emoji, 'fix(parser): crash'),
      finding('colon-spacing', `${NC}a space must follow the colon (\`type: description\`).`, 'fix(parser): crash')
    ])
  })

  it('reads an emoji before a word that is no type as prose, not as a header', () => {
    const why = `${NC}the header is not \`type(scope)?: description\`.`
    expect(diagnose('🎉 Hooray: it ships')).toEqual([finding('not-conventional', why, 'chore: 🎉 Hooray: it ships', true)])
    expect(diagnose('🎉 Hooray: it ships', TYPES)).toEqual([finding('not-conventional', why, null)])
  })

  it('gives every finding of one header the same example', () => {
    const findings = diagnose('Featur (api)!:Add export')
    expect(findings.length).toBeGreaterThan(1)
    expect(new Set(findings.map((item) => item.example))).toEqual(new Set(['feat(api)!: Add export']))
  })

  it('reads a long header in one pass', () => {
    const header = `feat(${'a'.repeat(50_000)}: ${'x'.repeat(50_000)}`
    const started = performance.now()
    expect(diagnose(header).map((item) => item.code)).toEqual(['scope-format'])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { type DependencyGraph, dependencyOrder, dependents, readDependencies } from '../../src/packages/dependencies.js'

const manifest = (name: string, fields: Record<string, unknown> = {}): { name: string; text: string } => ({
  name,
  text: JSON.stringify({ name, version: '1.0.0', ...fields })
})

const graphOf = (entries: Record<string, string[]>): DependencyGraph => new Map(Object.entries(entries))

function thrown(run: () => unknown): VersoError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(VersoError)
    return error as VersoError
  }
  throw new Error('expected a VersoError')
}

describe('readDependencies', () => {
  it('names the workspace packages each one depends on, through every kind of dependency and any spec', () => {
    const graph = readDependencies([
      manifest('app', {
        dependencies: { '@acme/core': 'workspace:*', react: '^19.0.0' },
        devDependencies: { '@acme/test-kit': 'workspace:^' },
        peerDependencies: { '@acme/theme': '>=1.0.0 <3' },
        optionalDependencies: { '@acme/native': 'file:../native' }
      }),
      manifest('@acme/core', { dependencies: { lodash: '^4.17.21' }, devDependencies: { '@acme/test-kit': '1.0.0' } }),
      manifest('@acme/test-kit'),
      manifest('@acme/theme', { dependencies: { '@acme/core': 'workspace:~1.0.0' } }),
      manifest('@acme/native')
    ])
    expect([...graph]).toEqual([
      ['@acme/core', ['@acme/test-kit']],
      ['@acme/native', []],
      ['@acme/test-kit', []],
      ['@acme/theme', ['@acme/core']],
      ['app', ['@acme/core', '@acme/native', '@acme/test-kit', '@acme/theme']]
    ])
  })

  it('follows an alias to the package it installs, and not a workspace name aliased to the registry', () => {
    const graph = readDependencies([
      manifest('app', {
        dependencies: { 'core-v2': 'npm:@acme/core@^2', kit: 'workspace:@acme/kit@*', theme: 'npm:some-theme@^1' }
      }),
      manifest('@acme/core'),
      manifest('@acme/kit'),
      manifest('theme')
    ])
    expect(graph.get('app')).toEqual(['@acme/core', '@acme/kit'])
  })

  it('leaves out a package in its own dependencies, a name listed twice and fields that are not mappings', () => {
    const graph = readDependencies([
      manifest('a', { dependencies: { a: 'workspace:*', b: '1' }, devDependencies: { b: 'workspace:*' }, peerDependencies: ['b', 'c'] }),
      manifest('b'),
      manifest('c', { dependencies: null })
    ])
    expect([...graph]).toEqual([
      ['a', ['b']],
      ['b', []],
      ['c', []]
    ])
  })

  it('does not change the manifests it is given', () => {
    const manifests = [manifest('b'), manifest('a', { dependencies: { b: '*' } })]
    const copy = structuredClone(manifests)
    readDependencies(manifests)
    expect(manifests).toEqual(copy)
  })

  it('refuses a manifest that is not a JSON object, naming its package', () => {
    expect(thrown(() => readDependencies([{ name: '@acme/core', text: '{ nope' }]))).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: 'The package.json of @acme/core is not a JSON object, so its dependencies cannot be read.'
    })
  })
})

describe('dependencyOrder', () => {
  it.each([
    ['no dependencies, by name', { c: [], a: [], b: [] }, ['a', 'b', 'c']],
    ['a chain, dependencies first', { app: ['ui'], ui: ['core'], core: [] }, ['core', 'ui', 'app']],
    ['a diamond, ties by name', { app: ['zeta', 'alpha'], zeta: ['base'], alpha: ['base'], base: [] }, ['base', 'alpha', 'zeta', 'app']],
    ['by name as soon as a package is free', { b: [], a: ['c'], c: [] }, ['b', 'c', 'a']],
    ['names outside the graph ignored, a self-dependency too', { a: ['left-pad', 'a'], b: ['a'] }, ['a', 'b']]
  ])('%s', (_, entries: Record<string, string[]>, expected) => {
    expect(dependencyOrder(graphOf(entries))).toEqual(expected)
  })

  it('orders a graph read from manifests', () => {
    const graph = readDependencies([
      manifest('app', { dependencies: { ui: 'workspace:*' } }),
      manifest('ui', { peerDependencies: { core: '^1' } }),
      manifest('core')
    ])
    expect(dependencyOrder(graph)).toEqual(['core', 'ui', 'app'])
  })

  it('throws on a cycle, naming it', () => {
    const error = thrown(() => dependencyOrder(graphOf({ app: ['a'], a: ['b'], b: ['c'], c: ['a'], d: [] })))
    expect(error).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: 'The workspace packages depend on each other in a circle: a → b → c → a.',
      hint: 'verso releases a package after the packages it depends on, so a circle has no first one: remove one of these dependencies (often a devDependency).'
    })
  })

  it('names the cycle itself, not the packages that wait on it', () => {
    expect(thrown(() => dependencyOrder(graphOf({ a: ['x'], x: ['y'], y: ['x'] }))).message).toBe(
      'The workspace packages depend on each other in a circle: x → y → x.'
    )
  })
})

describe('dependents', () => {
  const graph = graphOf({ app: ['ui', 'core'], ui: ['core'], core: [], docs: ['ui'], tools: [] })

  it.each([
    ['nothing released', [], []],
    [
      'a package at the bottom: everything above it, each naming its own direct dependencies',
      ['core'],
      [
        ['app', ['core', 'ui']],
        ['docs', ['ui']],
        ['ui', ['core']]
      ]
    ],
    ['a package at the top: nothing depends on it', ['app'], []],
    [
      'a package that also depends on a released one: listed with it',
      ['core', 'ui'],
      [
        ['app', ['core', 'ui']],
        ['docs', ['ui']],
        ['ui', ['core']]
      ]
    ],
    ['a package nothing depends on', ['tools'], []]
  ])('%s', (_, released: string[], expected) => {
    expect([...dependents(graph, new Set(released))]).toEqual(expected)
  })

  it('goes round a cycle once', () => {
    const cyclic = graphOf({ a: ['b'], b: ['a'], c: ['a'], d: [] })
    expect([...dependents(cyclic, new Set(['b']))]).toEqual([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['a']]
    ])
  })

  it('does not change the graph or the released set', () => {
    const entries = { a: ['b'], b: [] as string[] }
    const given = graphOf(entries)
    const released = new Set(['b'])
    dependents(given, released)
    expect([...given]).toEqual([
      ['a', ['b']],
      ['b', []]
    ])
    expect([...released]).toEqual(['b'])
  })
})

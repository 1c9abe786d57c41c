import type { Comment, PullRequestInfo, Release } from './api.js'
import { describeBody } from './failures.js'

/** What an octokit call answered, before verso trusts it. */
export type Answer = { readonly status: number; readonly data: unknown; readonly headers: Record<string, unknown> }
export type Fields = Record<string, unknown>

/**
 * What verso reads of one kind of GitHub object, each field with its check: the REST
 * description promises these, and an answer without them is not that object, whatever its status.
 */
export interface Shape<T> {
  /** "a release", completing "which is not …". */
  readonly name: string
  /** "releases", completing "which is not a list of …". */
  readonly plural: string
  readonly fields: Readonly<Record<string, (value: unknown) => boolean>>
  readonly read: (data: Fields) => T
}

const isString = (value: unknown) => typeof value === 'string'
const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0
const isBoolean = (value: unknown) => typeof value === 'boolean'
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const orNull = (check: (value: unknown) => boolean) => (value: unknown) => value === null || value === undefined || check(value)

export const RELEASE: Shape<Release> = {
  name: 'a release',
  plural: 'releases',
  fields: {
    id: isId,
    tag_name: isString,
    name: orNull(isString),
    body: orNull(isString),
    html_url: isString,
    draft: isBoolean,
    prerelease: isBoolean
  },
  read: (data) => ({
    id: data['id'] as number,
    tag: data['tag_name'] as string,
    name: (data['name'] as string | null | undefined) ?? '',
    body: (data['body'] as string | null | undefined) ?? '',
    url: data['html_url'] as string,
    draft: data['draft'] as boolean,
    prerelease: data['prerelease'] as boolean
  })
}

export const COMMENT: Shape<Comment> = {
  name: 'a comment',
  plural: 'comments',
  fields: {
    id: isId,
    body: orNull(isString),
    html_url: isString,
    // null for a deleted account (GitHub's "ghost").
    user: (user) => user === null || (isObject(user) && isString(user['login']) && orNull(isString)(user['type']))
  },
  read: (data) => {
    const user = data['user'] as Fields | null
    return {
      id: data['id'] as number,
      body: (data['body'] as string | null | undefined) ?? '',
      url: data['html_url'] as string,
      author: (user?.['login'] as string | undefined) ?? null,
      authorIsBot: user?.['type'] === 'Bot'
    }
  }
}

const isBranch = (value: unknown) => isObject(value) && isString(value['ref'])

export const PULL_REQUEST: Shape<PullRequestInfo> = {
  name: 'a pull request',
  plural: 'pull requests',
  fields: {
    number: isId,
    title: isString,
    body: orNull(isString),
    html_url: isString,
    state: (state) => state === 'open' || state === 'closed',
    head: isBranch,
    base: isBranch
  },
  read: (data) => ({
    number: data['number'] as number,
    title: data['title'] as string,
    body: (data['body'] as string | null | undefined) ?? '',
    url: data['html_url'] as string,
    state: data['state'] as 'open' | 'closed',
    head: (data['head'] as Fields)['ref'] as string,
    base: (data['base'] as Fields)['ref'] as string
  })
}

export const ACCOUNT: Shape<{ login: string }> = {
  name: 'an account',
  plural: 'accounts',
  fields: { login: (login) => isString(login) && login !== '' },
  read: (data) => ({ login: data['login'] as string })
}

/** What is wrong with an answer that should be `shape`, or null when nothing is. */
export function shapeProblem(shape: Shape<unknown>, data: unknown): string | null {
  if (!isObject(data) || data instanceof ArrayBuffer) return describeBody(data)
  const wrong = Object.entries(shape.fields)
    .filter(([key, check]) => !check(data[key]))
    .map(([key]) => `\`${key}\``)
  if (!wrong.length) return null
  const names = wrong.length === 1 ? wrong[0]! : `${wrong.slice(0, -1).join(', ')} and ${wrong.at(-1)!}`
  return `JSON without a valid ${names}`
}

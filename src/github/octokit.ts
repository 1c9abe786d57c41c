import { setTimeout as sleep } from 'node:timers/promises'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { VersoError } from '../errors.js'
import { isHttpFailure } from './failures.js'

/*
 * octokit as verso uses it: retries of 5xx and network failures, waits for every kind of
 * rate limit within bounds, and a report of each attempt that got no answer at all.
 */

export interface GitHubApiOptions {
  readonly token: string
  /** owner/repo, as in GITHUB_REPOSITORY. */
  readonly repository: string
  /** The REST API's base URL (GITHUB_API_URL): https://api.github.com, or a GitHub Enterprise Server's. */
  readonly apiUrl: string
  readonly userAgent: string
  /** How long and how often to wait for GitHub; tests shrink every wait to milliseconds. */
  readonly pacing?: Partial<Pacing>
  /** Where to say that verso is waiting for a rate limit, and octokit's warnings (the action passes core.warning). */
  readonly log?: (message: string) => void
}

export interface Pacing {
  /** Milliseconds per unit of delay: after a 5xx octokit waits 1, 4, 9… units; after a rate limit, retry-after units. */
  readonly unitMs: number
  /** Retries of a request that failed with a 5xx or a network error. */
  readonly retries: number
  /** Retries after a rate limit, each only if GitHub asks for a wait of at most maxWaitSeconds. */
  readonly rateLimitRetries: number
  readonly maxWaitSeconds: number
  /** Writes at least a second apart, as GitHub advises to avoid secondary rate limits. */
  readonly spaceWrites: boolean
}

const DEFAULT_PACING: Pacing = { unitMs: 1000, retries: 3, rateLimitRetries: 2, maxWaitSeconds: 120, spaceWrites: true }

// GitHub's advice after a rate limit that names no wait: "wait for at least one minute".
const RATE_LIMIT_FALLBACK_SECONDS = 60

export function createOctokit(options: GitHubApiOptions) {
  if (!options.token) {
    throw new VersoError('EGITHUBAUTH', 'No GitHub token: verso needs one to talk to the GitHub API.', {
      hint: 'In a workflow, the `github-token` input defaults to github.token; for the CLI, set GITHUB_TOKEN.'
    })
  }
  if (!URL.canParse(options.apiUrl) || !/^https?:$/.test(new URL(options.apiUrl).protocol)) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `Invalid GitHub API URL '${options.apiUrl}'. Expected an http(s) URL such as https://api.github.com.`,
      {
        hint: 'In a workflow GITHUB_API_URL is set for you; on GitHub Enterprise Server it is https://HOST/api/v3.'
      }
    )
  }
  const pacing: Pacing = { ...DEFAULT_PACING, ...options.pacing }
  const log = options.log ?? (() => {})
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < pacing.rateLimitRetries && retryAfter <= pacing.maxWaitSeconds
      log(`GitHub's ${kind} was hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`)
      return again
    }
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: pacing.unitMs,
    fallbackSecondaryRateRetryAfter: RATE_LIMIT_FALLBACK_SECONDS,
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(!pacing.spaceWrites && { write: unpacedGroup(), notifications: unpacedGroup() })
  }
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/(?<!\/)\/+$/, ''),
      userAgent: options.userAgent,
      ...(options.log && { log: { debug: () => {}, info: () => {}, warn: options.log, error: options.log } }),
      throttle,
      // A 409 (conflict) never clears by waiting. A 429 is a rate limit, left to the throttling
      // plugin and to the wait below: retried by the retry plugin too, one 429 would cost twelve requests.
      retry: { retries: pacing.retries, retryAfterBaseValue: pacing.unitMs, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] }
    },
    // Before the retry plugin, so that it sees every attempt the retry plugin makes.
    reportUnanswered,
    retry,
    throttling
  )
  // The throttling plugin waits out only a limit it recognises: a secondary one by its message,
  // a primary one by an exhausted quota. GitHub also answers a plain 429 (or a 403) with
  // retry-after; this waits that out, outside the plugins, within the same limits.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(requestOptions)
      } catch (error) {
        const wait = plainRateLimitWait(error)
        if (wait === null || !onLimit('rate limit')(wait, requestOptions, octokit, retryCount)) throw error
        await sleep(wait * pacing.unitMs)
      }
    }
  })
  return octokit
}

/**
 * The seconds a rate limit the throttling plugin leaves alone asks to wait, or null for any
 * other failure. retry-after is seconds as GitHub sends it, or an HTTP date as HTTP allows.
 */
function plainRateLimitWait(error: unknown): number | null {
  if (!isHttpFailure(error) || !error.response) return null
  const headers = error.response.headers
  const retryAfter = headers['retry-after']
  if (error.status !== 429 && !(error.status === 403 && retryAfter !== undefined)) return null
  if (/\bsecondary rate\b/i.test(error.message) || headers['x-ratelimit-remaining'] === '0') return null
  if (retryAfter === undefined) return RATE_LIMIT_FALLBACK_SECONDS
  if (/^\s*\d+\s*$/.test(String(retryAfter))) return Number(retryAfter)
  const date = Date.parse(String(retryAfter))
  return Number.isNaN(date) ? RATE_LIMIT_FALLBACK_SECONDS : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

// A request option (octokit passes unknown ones through to every hook): called for each
// attempt that got no answer at all, which may have taken effect on GitHub all the same.
export const ON_UNANSWERED = 'onUnanswered'

/**
 * An octokit plugin that tells a request about each attempt that got no answer: a connection
 * reset or a timeout, which octokit reports as a 500 without a response and retries.
 */
const reportUnanswered: OctokitPlugin = (octokit) => {
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions)
    } catch (error) {
      if (isHttpFailure(error) && !error.response) (requestOptions.request?.[ON_UNANSWERED] as (() => void) | undefined)?.()
      throw error
    }
  })
}

type OctokitPlugin = Parameters<typeof getOctokit>[2]

/**
 * A stand-in for the throttling plugin's write limiter that never waits. The plugin's
 * limiters are shared by every client in the process, so spaced writes would add a second
 * per write across a whole test run.
 */
function unpacedGroup(): NonNullable<ThrottlingOptions['write']> {
  const limiter = {
    schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(task(...args))
  }
  return { key: () => limiter } as unknown as NonNullable<ThrottlingOptions['write']>
}

import { STATUS_CODES } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { VersoError } from '../errors.js'
import { isHttpFailure, type HttpFailure } from './failures.js'

/*
 * octokit as verso uses it: retries of 5xx and network failures, waits for every kind of
 * rate limit within bounds, a line in the log before every retry, and a report of each
 * attempt that got no answer at all.
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
  /**
   * Where to say, before each wait, that verso retries a request and why (a 5xx, no answer,
   * a rate limit), and octokit's warnings (the action passes core.warning). Lines name the
   * route, never a filled-in URL, a body or the token.
   */
  readonly log?: (message: string) => void
}

export interface Pacing {
  /** Milliseconds per unit of delay: after a 5xx octokit waits 1, 4, 9… units; after a rate limit, retry-after units. */
  readonly unitMs: number
  /** Retries of a request that failed with a 5xx or a network error. */
  readonly retries: number
  /**
   * Retries of a request after rate limits, of whichever kind, each only if GitHub asks for a
   * wait of at most maxWaitSeconds.
   */
  readonly rateLimitRetries: number
  readonly maxWaitSeconds: number
  /** Writes at least a second apart, as GitHub advises to avoid secondary rate limits. */
  readonly spaceWrites: boolean
}

const DEFAULT_PACING: Pacing = { unitMs: 1000, retries: 3, rateLimitRetries: 2, maxWaitSeconds: 120, spaceWrites: true }

// GitHub's advice after a rate limit that names no wait: "wait for at least one minute".
const RATE_LIMIT_FALLBACK_SECONDS = 60

// A 409 (conflict) never clears by waiting. A 429 is a rate limit, left to the throttling
// plugin and to the wait below: retried by the retry plugin too, one 429 would cost twelve requests.
const DO_NOT_RETRY: readonly number[] = [400, 401, 403, 404, 409, 410, 422, 429, 451]

/** What octokit hands every hook of a request: the route's template, before its parameters fill it. */
interface RequestOptions {
  readonly method: string
  readonly url: string
  readonly request?: { readonly retryCount?: number; readonly [option: string]: unknown }
}

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
  const token = options.token
  const log = (message: string) => options.log?.(message.split(token).join('***'))
  // Rate-limit retries so far of each request, whichever of the two waits below made them:
  // every hook of one request is handed the same options object.
  const rateLimitRetries = new WeakMap<object, number>()
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: RequestOptions): boolean => {
      const done = rateLimitRetries.get(request) ?? 0
      const reached = `GitHub API ${kind} reached (${describeRoute(request)})`
      if (done >= pacing.rateLimitRetries) {
        log(`${reached}; giving up after ${done} ${done === 1 ? 'retry' : 'retries'}.`)
        return false
      }
      if (retryAfter > pacing.maxWaitSeconds) {
        log(`${reached}; giving up rather than wait ${retryAfter} s (verso waits at most ${pacing.maxWaitSeconds} s).`)
        return false
      }
      rateLimitRetries.set(request, done + 1)
      log(`${reached}; waiting ${retryAfter} s (until ${clockTime(retryAfter)}) before retrying (${done + 1}/${pacing.rateLimitRetries})…`)
      return true
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
      ...(options.log && { log: { debug: () => {}, info: () => {}, warn: log, error: log } }),
      throttle,
      retry: { retries: pacing.retries, retryAfterBaseValue: pacing.unitMs, doNotRetry: [...DO_NOT_RETRY] }
    },
    // Before the retry plugin, so that they see every attempt the retry plugin makes.
    reportUnanswered,
    reportRetries(pacing.retries, log),
    retry,
    throttling
  )
  // The throttling plugin waits out only a limit it recognises: a secondary one by its message,
  // a primary one by an exhausted quota. GitHub also answers a plain 429 (or a 403) with
  // retry-after; this waits that out, outside the plugins, within the same limits.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (;;) {
      try {
        return await request(requestOptions)
      } catch (error) {
        const wait = plainRateLimitWait(error)
        if (wait === null || !onLimit('rate limit')(wait, requestOptions)) throw error
        await sleep(wait * pacing.unitMs)
      }
    }
  })
  return octokit
}

/**
 * An octokit plugin that says, before the retry plugin waits, that it will retry and why.
 * The retry plugin tells nobody, so this mirrors its decision: it retries a failure of 400
 * or more outside DO_NOT_RETRY (a request that got no answer fails as a 500) up to `retries`
 * times in a row, waiting (retryCount + 1)² units, retryCount being what the request's
 * options hold at that moment.
 */
function reportRetries(retries: number, log: (message: string) => void): OctokitPlugin {
  // Retries in a row of each request. The retry plugin counts afresh after any failure it
  // does not retry: a rate limit waited out outside it starts a new round. Every hook of one
  // request is handed the same options object.
  const retried = new WeakMap<object, number>()
  return (octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      try {
        const response = await request(requestOptions)
        retried.delete(requestOptions)
        return response
      } catch (error) {
        const done = retried.get(requestOptions) ?? 0
        if (!isRetried(error) || done >= retries) {
          retried.delete(requestOptions)
          throw error
        }
        retried.set(requestOptions, done + 1)
        const options = requestOptions as RequestOptions
        const units = ((options.request?.retryCount ?? 0) + 1) ** 2
        const why = error.response ? describeStatus(error.status) : `no answer: ${error.message}`
        log(`GitHub API: ${describeRoute(options)} failed (${why}); retrying (${done + 1}/${retries}) in ${units} s…`)
        throw error
      }
    })
  }
}

/** Whether the retry plugin retries a failure at all, whatever its count: as its errorRequest decides. */
function isRetried(error: unknown): error is HttpFailure {
  return (
    isHttpFailure(error) &&
    (error as { request?: unknown }).request !== undefined &&
    error.status >= 400 &&
    !DO_NOT_RETRY.includes(error.status)
  )
}

/**
 * A request as a log line names it: its method and route template. A URL given whole (the
 * next page of a list, from GitHub's Link header) is named by the ROUTE option, or else by
 * its path alone.
 */
function describeRoute(request: RequestOptions): string {
  const route = request.request?.[ROUTE]
  if (typeof route === 'string') return route
  const path = URL.canParse(request.url) ? new URL(request.url).pathname : request.url.split('?')[0]!
  return `${request.method} ${path}`
}

function describeStatus(status: number): string {
  const phrase = STATUS_CODES[status]
  return phrase ? `${status} ${phrase}` : String(status)
}

/** The time of day, in UTC, that a wait of `seconds` from now ends: "12:00:30 UTC". */
function clockTime(seconds: number): string {
  return `${new Date(Date.now() + seconds * 1000).toISOString().slice(11, 19)} UTC`
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

// A request option: the route template ('GET /repos/{owner}/{repo}/releases') that log lines
// name a request given as a whole URL by, rather than the URL with its parameters filled in.
export const ROUTE = 'route'

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

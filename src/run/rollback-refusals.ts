import { excerpt } from '../errors.js'
import type { RollbackRefusal } from './rollback.js'

/** What a refused rollback says, and how to get past it. Every refusal comes before any change. */
export function describeRollbackRefusal(refusal: RollbackRefusal): { message: string; hint: string } {
  const unchanged = 'Nothing was changed.'
  switch (refusal.kind) {
    case 'not-a-version': {
      const prefix = refusal.tagPrefix
      const expected =
        refusal.scheme.kind === 'semver'
          ? `a SemVer version such as 2.0.3, or its tag ${prefix}2.0.3`
          : `a version in the format ${refusal.scheme.format}, with or without the tag prefix${prefix ? ` ${prefix}` : ''}`
      const given =
        refusal.given === '' ? 'No version was given to roll back to' : `\`${excerpt(refusal.given)}\` is not a version to roll back to`
      return {
        message: `${given}: expected ${expected}.`,
        hint: `Name the version of a published release (tag-prefix is ${prefix ? `\`${prefix}\`` : 'empty'}). ${unchanged}`
      }
    }
    case 'prerelease':
      return refusal.by === 'version'
        ? {
            message: `${refusal.tag} is a prerelease: a rollback makes a stable release the latest again, and GitHub never marks a prerelease latest.`,
            hint: `Name a stable version. ${unchanged}`
          }
        : {
            message: `The GitHub Release of ${refusal.tag} is marked a prerelease, and GitHub never marks a prerelease latest.`,
            hint: `If ${refusal.tag} is a stable release, untick "Set as a pre-release" on its GitHub Release and run again; or name another version. ${unchanged}`
          }
    case 'no-tag':
      return {
        message: `There is no tag ${refusal.tag}, so no release of it to roll back to.`,
        hint: refusal.nearest.length
          ? `The nearest versions tagged: ${refusal.nearest.join(', ')}. ${unchanged}`
          : `No tag here is a stable version under tag-prefix \`${refusal.tagPrefix}\`: fetch the tags (git fetch --tags), or check tag-prefix. ${unchanged}`
      }
    case 'no-api':
      return {
        message:
          'A rollback needs the GitHub API, and no token was given: the latest release and the rolled-back notes are GitHub Releases.',
        hint:
          'Give a token with `contents: write`: the action takes `github-token` (in the workflow: `permissions: contents: write`); ' +
          `the CLI reads GITHUB_TOKEN and GITHUB_REPOSITORY=owner/repo. ${unchanged}`
      }
    case 'no-release':
      return refusal.draft
        ? {
            message: `${refusal.tag} has only a draft GitHub Release, and a draft cannot be the latest release.`,
            hint: `Publish the draft of ${refusal.tag} first, or name another version. ${unchanged}`
          }
        : {
            message: `${refusal.tag} is tagged, but has no GitHub Release to make the latest again.`,
            hint: `Publish a GitHub Release for ${refusal.tag} first, or name a version that has one. ${unchanged}`
          }
    case 'tag-differs':
      return {
        message: `Tag ${refusal.tag} names ${short(refusal.local)} here, but ${short(refusal.remote)} on the remote.`,
        hint: `Fetch the remote's tags (git fetch --tags --force origin) and run again: the floating tags must follow the published ${refusal.tag}. ${unchanged}`
      }
  }
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

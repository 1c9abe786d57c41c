/**
 * Pull requests of the local GitHub API server (test/support/github-server.ts): their state,
 * and the objects GitHub answers with, whole, as its REST description requires them.
 */

export interface FakePull {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  /** The branches it merges from and into, in the server's repository. */
  head: string
  base: string
  headSha: string
  baseSha: string
  created_at: string
  updated_at: string
  closed_at: string | null
  merged_at: string | null
  merge_commit_sha: string | null
}

export interface PullContext {
  readonly base: string
  readonly owner: string
  readonly repo: string
  readonly user: (login: string) => Record<string, unknown>
  readonly login: string
}

function renderRepository(c: PullContext) {
  const api = `${c.base}/repos/${c.owner}/${c.repo}`
  const web = `https://github.com/${c.owner}/${c.repo}`
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: c.repo,
    full_name: `${c.owner}/${c.repo}`,
    license: null,
    forks: 0,
    owner: c.user(c.owner),
    private: false,
    html_url: web,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${c.owner}/${c.repo}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${c.owner}/${c.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 108,
    default_branch: 'main',
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: '2024-01-01T00:00:00Z',
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    open_issues: 0,
    watchers: 0
  }
}

/** A pull request as GitHub answers it: `full` for one pull request, else as an item of the list. */
export function renderPull(p: FakePull, c: PullContext, full: boolean) {
  const api = `${c.base}/repos/${c.owner}/${c.repo}`
  const web = `https://github.com/${c.owner}/${c.repo}`
  const url = `${api}/pulls/${p.number}`
  const branch = (ref: string, sha: string) => ({
    label: `${c.owner}:${ref}`,
    ref,
    repo: renderRepository(c),
    sha,
    user: c.user(c.owner)
  })
  const simple = {
    url,
    id: 2000000 + p.number,
    node_id: `PR_${p.number}`,
    html_url: `${web}/pull/${p.number}`,
    diff_url: `${web}/pull/${p.number}.diff`,
    patch_url: `${web}/pull/${p.number}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: c.user(c.login),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.closed_at,
    merged_at: p.merged_at,
    merge_commit_sha: p.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(p.head, p.headSha),
    base: branch(p.base, p.baseSha),
    _links: {
      self: { href: url },
      html: { href: `${web}/pull/${p.number}` },
      issue: { href: `${api}/issues/${p.number}` },
      comments: { href: `${api}/issues/${p.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${p.headSha}` }
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: false
  }
  if (!full) return simple
  return {
    ...simple,
    merged: p.merged_at !== null,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 1,
    changed_files: 1
  }
}

import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError
} from "./chunk-PKNT6OYN.js";
import {
  VersoError
} from "./chunk-FJVPBRYT.js";

// src/git/publish.ts
async function readRemoteTag(git, remote, tag) {
  const ref = `refs/tags/${tag}`;
  const out = await remoteCall(git, ["ls-remote", "--tags", "--end-of-options", remote, ref, `${ref}^{}`], remote);
  let sha = null;
  for (const line of out.split("\n")) {
    const [oid, name] = line.split("	");
    if (name === `${ref}^{}`) return oid ?? null;
    if (name === ref) sha = oid ?? null;
  }
  return sha;
}
async function readLocalTag(git, tag) {
  const found = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", `refs/tags/${tag}^{commit}`]);
  return found.code === 0 ? found.stdout.trim() : null;
}
async function isAncestor(git, ancestor, descendant) {
  const result = await git.tryRun(["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant]);
  if (result.code > 1) throw new GitError(["merge-base"], result.code, result.stderr);
  return result.code === 0;
}
async function fetchTag(git, remote, tag) {
  await remoteCall(git, ["fetch", "--no-tags", "--end-of-options", remote, `+refs/tags/${tag}:refs/tags/${tag}`], remote);
}
async function createAnnotatedTag(git, tag, sha, message, tagger) {
  const env = { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email };
  await git.run(["-c", "tag.gpgSign=false", "tag", "--annotate", "--cleanup=verbatim", "--file=-", "--end-of-options", tag, sha], { input: message, env });
}
async function pushTag(git, remote, tag, options) {
  const source = options.sha ?? `refs/tags/${tag}`;
  const refspec = `${options.force ? "+" : ""}${source}:refs/tags/${tag}`;
  const result = await git.tryRun(["push", "--porcelain", "--no-verify", "--end-of-options", remote, refspec]);
  if (result.code === 0) return { kind: "pushed" };
  const message = (result.stderr + result.stdout).trim();
  if (/already exists|\(fetch first\)|non-fast-forward|stale info|\[rejected\]/i.test(message)) return { kind: "rejected", reason: "exists", message };
  if (/denied|403|protected|forbidden|not allowed|permission|rule|GH013|pre-receive hook declined/i.test(message)) return { kind: "rejected", reason: "denied", message };
  throw unreachable(remote, message);
}
async function remoteCall(git, args, remote) {
  try {
    return await git.run(args);
  } catch (error) {
    if (error instanceof GitError) throw unreachable(remote, error.stderr);
    throw error;
  }
}
function unreachable(remote, message) {
  return new VersoError("EGIT", `Could not reach the remote \`${remote}\`: ${message.trim().split("\n").pop() ?? "no message"}`, {
    hint: "Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable."
  });
}

export {
  readRemoteTag,
  readLocalTag,
  isAncestor,
  fetchTag,
  createAnnotatedTag,
  pushTag
};

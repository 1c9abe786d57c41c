import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  chooseCandidates,
  parseReleaseTags,
  readRemoteBranch
} from "./chunk-SN7RSUOQ.js";
import {
  isAncestor,
  readRemoteTags,
  readTaggerEmail
} from "./chunk-LK73LO5H.js";
import {
  parseCommit
} from "./chunk-CKOUWFXA.js";
import {
  listFiles,
  readMatchingFilesAt,
  readWorktreeFile
} from "./chunk-LHPEVOM6.js";
import {
  CURRENT_BRANCH,
  LIST_TAGS,
  ORIGIN_HEAD,
  inspectArgs
} from "./chunk-FHD5WZQQ.js";
import {
  routesTo
} from "./chunk-L6R23QXP.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/branches.ts
async function readCurrentBranch(git) {
  const found = await git.tryRun(CURRENT_BRANCH);
  return found.code === 0 ? stripPrefix(found.stdout.trim(), "refs/heads/") : null;
}
async function readDefaultBranch(git, remote = "origin") {
  const found = await git.tryRun(remote === "origin" ? ORIGIN_HEAD : ["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`]);
  return found.code === 0 ? stripPrefix(found.stdout.trim(), `refs/remotes/${remote}/`) : null;
}
function stripPrefix(ref, prefix) {
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : null;
}
async function askDefaultBranch(git, remote = "origin") {
  const found = await git.tryRun(["ls-remote", "--symref", "--end-of-options", remote, "HEAD"]);
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(found.stdout);
  return found.code === 0 && match ? match[1] : null;
}

// src/git/commits.ts
import { isUtf8 } from "node:buffer";
var FORMAT = "--format=%m%H%x00%P%x00%B";
var DASH = 45;
async function readCommits(git, head, since, read) {
  const revisions = since ? ["--boundary", "--end-of-options", head, `^${since}`] : ["--end-of-options", head];
  const args = ["-c", "log.showSignature=false", "log", "-z", FORMAT, "--no-color", ...revisions, "--"];
  const commits = [];
  let sinceReached = since === head;
  let field = 0;
  let boundary = false;
  let sha = "";
  let parents = "";
  const take = (bytes, start, end) => {
    if (field === 0) {
      boundary = start < end && bytes[start] === DASH;
      sha = bytes.toString("latin1", Math.min(start + 1, end), end);
    } else if (field === 1) parents = bytes.toString("latin1", start, end);
    else if (boundary) sinceReached ||= sha === since;
    else commits.push(read({ sha, parents: parents ? parents.split(" ") : [], message: decode(bytes, start, end) }));
    field = (field + 1) % 3;
  };
  await forEachField(git.stream(args), take);
  return { commits, sinceReached };
}
async function forEachField(stream, take, last = false) {
  let pending = [];
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      if (pending.length) {
        pending.push(chunk.subarray(start, end));
        const whole = Buffer.concat(pending);
        take(whole, 0, whole.length);
        pending = [];
      } else {
        take(chunk, start, end);
      }
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (last && pending.length) {
    const whole = Buffer.concat(pending);
    take(whole, 0, whole.length);
  }
}
function decode(bytes, start, end) {
  const text = bytes.toString("utf8", start, end);
  if (!text.includes("\uFFFD") || isUtf8(bytes.subarray(start, end))) return text;
  return bytes.toString("latin1", start, end);
}

// src/git/reachability.ts
var Reachability = class {
  constructor(git, head) {
    this.git = git;
    this.head = head;
  }
  git;
  head;
  known = /* @__PURE__ */ new Map();
  /** The first of `ordered` whose commit is an ancestor of (or is) HEAD. */
  async first(ordered) {
    let batch = 1;
    for (let start = 0; start < ordered.length; ) {
      const slice = ordered.slice(start, start + batch);
      await this.learn(slice.map((t) => t.sha));
      const found = slice.find((t) => this.known.get(t.sha));
      if (found) return found;
      start += slice.length;
      batch = Math.min(batch * 2, 1024);
    }
    return null;
  }
  /** Forgets what it learnt: after the history was deepened, answers may change. */
  reset() {
    this.known.clear();
  }
  /** The subset of `shas` that HEAD reaches. */
  async filter(shas) {
    await this.learn(shas);
    return shas.filter((sha) => this.known.get(sha));
  }
  async learn(shas) {
    const unknown = [...new Set(shas)].filter((sha) => !this.known.has(sha));
    if (unknown.length === 0) return;
    const unreached = /* @__PURE__ */ new Set();
    const wanted = new Set(unknown);
    let rest = "";
    for await (const chunk of this.git.stream(["rev-list", "--end-of-options", ...unknown, `^${this.head}`, "--"])) {
      const lines = (rest + chunk.toString("latin1")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (wanted.has(line)) unreached.add(line);
    }
    if (wanted.has(rest)) unreached.add(rest);
    for (const sha of unknown) this.known.set(sha, !unreached.has(sha));
  }
};

// src/git/shallow.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
function newFetchState() {
  return { complete: false, remoteTags: null, filters: null, excludes: null };
}
var TRIES = 3;
async function fetchBackTo(remote, head, ordered, filter) {
  if (!remote.state.complete) {
    const found = await searchByRange(remote, head, ordered, filter);
    if (found) return found;
    await fetchWhole(remote, filter, "to find the last release");
  }
  return new Reachability(remote.git, head).first(ordered);
}
async function searchByRange(remote, head, ordered, filter) {
  let tries = 0;
  for (const candidate of ordered) {
    if (remote.state.excludes === false || tries === TRIES) return null;
    if (await rangeIsWhole(remote.git, head, candidate.sha)) {
      await fetchTagRef(remote, candidate, filter);
      return candidate;
    }
    const before = await readShallowBoundary(remote.git);
    if (before.size === 0) continue;
    if (!remote.state.remoteTags?.some((tag) => tag.name === candidate.name && tag.sha === candidate.sha)) return null;
    tries++;
    const excluded = await fetchOrFallBack(remote, [`--shallow-exclude=refs/tags/${candidate.name}`, remote.name, head], filter);
    if (!excluded) continue;
    await completeBoundary(remote, filter);
    const after = [...await readShallowBoundary(remote.git)];
    const made = await parentOf(
      remote.git,
      after.filter((sha) => !before.has(sha) || sha === head),
      candidate.sha
    );
    if (!made && !await parentOf(remote.git, after, candidate.sha)) {
      remote.fetched.push(`fetched the commits HEAD has and ${candidate.name} has not: ${candidate.name} is on another line`);
      continue;
    }
    await fetchOrExplain(remote, ["--deepen=1", remote.name, head, tagRefspec(candidate)], filter);
    const only = await readShallowBoundary(remote.git);
    let whole = made && only.size === 1 && only.has(candidate.sha);
    for (let step = 64; !(whole ||= await rangeIsWhole(remote.git, head, candidate.sha)) && step <= 4096; step *= 4) {
      await fetchOrExplain(remote, [`--deepen=${step}`, remote.name, head], filter);
    }
    if (!whole) return null;
    remote.fetched.push(`fetched the history back to ${candidate.name}${describeFilter(remote.state, filter)}`);
    return candidate;
  }
  return null;
}
async function fetchWhole(remote, filter, why) {
  if (remote.state.complete) return;
  const shallow = (await readShallowBoundary(remote.git)).size > 0;
  await fetchOrExplain(remote, [...shallow ? ["--unshallow"] : [], "--tags", remote.name], filter);
  remote.state.complete = true;
  remote.fetched.push(`fetched the complete history and the tags${describeFilter(remote.state, filter)}, ${why}`);
}
async function fetchTagRef(remote, tag, filter) {
  const local = await remote.git.tryRun(["rev-parse", "--verify", "--quiet", `refs/tags/${tag.name}^{commit}`]);
  if (local.code === 0 && local.stdout.trim() === tag.sha) return;
  await fetchOrExplain(remote, [remote.name, tagRefspec(tag)], filter);
}
var tagRefspec = (tag) => `+refs/tags/${tag.name}:refs/tags/${tag.name}`;
async function rangeIsWhole(git, head, since) {
  if (since === head) return true;
  if (!await isHere(git, since)) return false;
  const ancestor = async (a, b) => (await git.tryRun(["merge-base", "--is-ancestor", "--end-of-options", a, b])).code === 0;
  if (!await ancestor(since, head)) return false;
  for (const sha of await readShallowBoundary(git)) {
    if (sha === since || await ancestor(sha, since)) continue;
    if (await ancestor(sha, head)) return false;
  }
  return true;
}
async function isHere(git, sha) {
  return (await git.tryRun(["rev-list", "--missing=print", "--no-walk", "--end-of-options", sha])).code === 0;
}
async function parentOf(git, commits, sha) {
  if (commits.length === 0) return false;
  const objects = await git.run(["cat-file", "--batch"], { input: commits.join("\n") + "\n" });
  return objects.includes(`
parent ${sha}
`);
}
async function completeBoundary(remote, filter) {
  const boundary = [...await readShallowBoundary(remote.git)];
  if (boundary.length === 0) return;
  const missing = [];
  for (const sha of boundary) if (!await isHere(remote.git, sha)) missing.push(sha);
  if (missing.length > 0) await fetchOrExplain(remote, ["--depth=1", remote.name, ...missing], filter);
}
async function isShallow(git) {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
async function readShallowBoundary(git) {
  let path = shallowFiles.get(git);
  path ??= knowShallowFile(git, (await git.run(["rev-parse", "--git-path", "shallow"])).trim());
  return new Set((await readFile(path, "utf8").catch(() => "")).split("\n").filter(Boolean));
}
var shallowFiles = /* @__PURE__ */ new WeakMap();
function knowShallowFile(git, path) {
  const absolute = resolve(git.cwd, path);
  shallowFiles.set(git, absolute);
  return absolute;
}
async function fetchOrFallBack(remote, args, filter) {
  if (remote.state.excludes === false) return false;
  try {
    await fetchOrExplain(remote, args, filter);
    remote.state.excludes = true;
    return true;
  } catch (error) {
    if (!(error instanceof FetchFailure) || !/does not support --shallow-exclude|deepen-not/i.test(error.stderr)) throw error;
    remote.state.excludes = false;
    remote.fetched.push("the remote cannot fetch a range back to a tag (--shallow-exclude)");
    return false;
  }
}
async function fetchOrExplain(remote, args, filter) {
  const { git, state } = remote;
  const filtered = filter !== null && state.filters !== false;
  const before = filtered && state.filters === null ? await promisorConfig(git, remote.name) : null;
  const run = (withFilter) => git.tryRun(["fetch", "--no-tags", "--quiet", ...withFilter ? [`--filter=${filter}`] : [], ...args]);
  let result = await run(filtered);
  if (filtered && result.code !== 0 && /unknown option.*filter|--filter/.test(result.stderr)) {
    state.filters = false;
    result = await run(false);
  }
  if (result.code !== 0) throw new FetchFailure(result.stderr);
  if (!filtered) return;
  if (/filtering not recognized by server/.test(result.stderr)) {
    state.filters = false;
    if (before) await restorePromisorConfig(git, remote.name, before);
  } else {
    state.filters = true;
  }
}
async function promisorConfig(git, remote) {
  const found = await git.tryRun([
    "config",
    "--local",
    "--get-regexp",
    `^remote\\.${remote.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(promisor|partialclonefilter)$`
  ]);
  const value = (key) => found.stdout.split("\n").find((line) => line.toLowerCase().startsWith(`remote.${remote.toLowerCase()}.${key} `))?.slice(`remote.${remote}.${key} `.length) ?? null;
  return { promisor: value("promisor"), filter: value("partialclonefilter") };
}
async function restorePromisorConfig(git, remote, before) {
  for (const [key, value] of [
    ["promisor", before.promisor],
    ["partialclonefilter", before.filter]
  ]) {
    await git.tryRun(
      value === null ? ["config", "--local", "--unset", `remote.${remote}.${key}`] : ["config", "--local", `remote.${remote}.${key}`, value]
    );
  }
}
function describeFilter(state, filter) {
  if (filter === null || state.filters !== true) return "";
  return filter === "tree:0" ? " (commits only, no files)" : " (commits and trees, no file contents)";
}
var FetchFailure = class extends VersoError {
  stderr;
  constructor(stderr) {
    super("ESHALLOW", `This is a shallow clone, and fetching its history from the remote failed: ${lastLine(stderr)}`, {
      hint: "Check out the whole history: with actions/checkout, set `fetch-depth: 0`; or let verso fetch what it needs with `fetch-history: auto` and a reachable `origin`."
    });
    this.stderr = stderr;
  }
};
function lastLine(text) {
  return text.trim().split("\n").filter((line) => !line.startsWith("warning: ")).pop() ?? "no message";
}

// src/git/tags.ts
async function readTags(git) {
  const out = await git.run(LIST_TAGS);
  const tags = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [name = "", type, sha = "", peeledType, peeledSha = ""] = line.split("\0");
    if (type === "commit") tags.push({ name, sha });
    else if (type === "tag" && peeledType === "commit") tags.push({ name, sha: peeledSha });
  }
  return tags;
}

// src/git/history.ts
async function readHistory(git, options) {
  const remote = { git, name: options.remote ?? "origin", state: options.state, fetched: [] };
  const [repository, localTags] = await Promise.allSettled([inspectRepository(git, options.head ?? "HEAD"), readTags(git)]);
  if (repository.status === "rejected") throw repository.reason;
  if (localTags.status === "rejected") throw localTags.reason;
  const { head } = repository.value;
  const { shallow } = repository.value;
  if (shallow && options.fetchHistory === "never") throw shallowError("fetch-history is never");
  if (shallow && options.fetchHistory === "auto") {
    const tags2 = await withRemoteTags(remote, localTags.value);
    return readShallow(remote, head, tags2, options.order(tags2), options);
  }
  if (shallow) await fetchWhole(remote, null, "as fetch-history: full asks");
  const tags = shallow ? await readTags(git) : localTags.value;
  const order = options.order(tags);
  const reach = new Reachability(git, head);
  if (options.commits === false) {
    const base2 = await reach.first(order.base);
    return { head, tags, base: base2, stableBase: null, commits: [], fetched: remote.fetched };
  }
  const best = order.base[0] ?? null;
  let range = await readCommits(git, head, best?.sha ?? null, options.read);
  let base = best && range.sinceReached ? best : null;
  if (best && !base) {
    base = await reach.first(order.base.slice(1));
    range = await readCommits(git, head, base?.sha ?? null, options.read);
  }
  const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable);
  return { head, tags, base, stableBase, commits: range.commits, fetched: remote.fetched };
}
async function readShallow(remote, head, tags, order, options) {
  const base = await fetchBackTo(remote, head, order.base, "tree:0");
  const stableBase = base && order.stable.includes(base) ? base : await fetchBackTo(remote, head, order.stable, "tree:0");
  if (options.commits === false) return { head, tags, base, stableBase, commits: [], fetched: remote.fetched };
  const range = await readCommits(remote.git, head, base?.sha ?? null, options.read);
  return { head, tags, base, stableBase, commits: range.commits, fetched: remote.fetched };
}
async function withRemoteTags(remote, local) {
  if (remote.state.remoteTags === null) {
    const listed = await readRemoteTags(remote.git, remote.name, "").catch((error) => {
      throw error instanceof VersoError ? shallowError(`listing the remote's tags failed: ${error.message}`) : error;
    });
    remote.state.remoteTags = [...listed].map(([name, { commit }]) => ({ name, sha: commit }));
    remote.fetched.push(`listed the remote's tags (${remote.state.remoteTags.length})`);
  }
  const names = new Set(local.map((tag) => tag.name));
  return [...local, ...remote.state.remoteTags.filter((tag) => !names.has(tag.name))];
}
async function fetchMissingTags(git, state, wanted, remote = "origin") {
  if (state.complete || await isShallow(git)) return { kind: "skipped" };
  let listed;
  try {
    listed = await readRemoteTags(git, remote, "");
  } catch (error) {
    if (error instanceof VersoError) return { kind: "unreachable", error: error.message };
    throw error;
  }
  const local = new Set((await readTags(git)).map((tag) => tag.name));
  const missing = [...listed.keys()].filter((name) => wanted(name) && !local.has(name));
  for (let i = 0; i < missing.length; i += FETCH_BATCH) {
    const refspecs = missing.slice(i, i + FETCH_BATCH).map((name) => `refs/tags/${name}:refs/tags/${name}`);
    const fetched = await git.tryRun(["fetch", "--no-tags", "--quiet", "--end-of-options", remote, ...refspecs]);
    if (fetched.code !== 0) {
      throw new VersoError("EGIT", `Could not fetch the release tags \`${remote}\` has and this clone does not: ${fetched.stderr.trim()}`, {
        hint: "Fetch them (`git fetch --tags`), or check out with tags (actions/checkout: `fetch-depth: 0`), and run again."
      });
    }
  }
  return { kind: "fetched", tags: missing };
}
var FETCH_BATCH = 500;
async function inspectRepository(git, revision) {
  const found = await git.tryRun(inspectArgs(revision));
  if (found.code === 0) {
    const lines = found.stdout.trim().split("\n");
    const shallow = lines[0];
    const head = lines.at(-1) ?? "";
    if (lines[1] !== void 0) knowShallowFile(git, lines[1]);
    return { head, shallow: shallow === "true" };
  }
  const inside = await git.tryRun(["rev-parse", "--is-inside-work-tree"]);
  if (inside.code !== 0) {
    throw new VersoError("ENOTAREPO", `${git.cwd} is not inside a git repository.`, {
      hint: "Run verso in a checkout (in a workflow, add actions/checkout before this step)."
    });
  }
  if (revision !== "HEAD")
    throw new VersoError("EGIT", `${revision} is not a commit of this repository.`, {
      hint: "Fetch it first (actions/checkout with fetch-depth: 0), or name another base."
    });
  throw new VersoError("ENOHEAD", "The repository has no commits yet, so there is nothing to version.", { hint: "Commit something first." });
}
function shallowError(why) {
  return new VersoError("ESHALLOW", `This is a shallow clone, so the last release and the commits since it cannot be known (${why}).`, {
    hint: "Check out the whole history: with actions/checkout, set `fetch-depth: 0`; or let verso fetch what it needs with `fetch-history: auto` and a reachable `origin`."
  });
}
async function ensureCommit(git, sha, remote = "origin") {
  const present = async () => (await git.tryRun(["cat-file", "-e", "--end-of-options", `${sha}^{commit}`])).code === 0;
  if (await present()) return;
  await git.tryRun(["fetch", "--no-tags", "--end-of-options", remote, sha]);
  if (await present()) return;
  throw new VersoError("EGIT", `Commit ${sha.slice(0, 7)} is not in this checkout, and fetching it from \`${remote}\` failed.`, {
    hint: "Check out with the whole history (actions/checkout with fetch-depth: 0) and the pull request's merge ref (the default for pull_request)."
  });
}

// src/run/package-history.ts
import { matchesGlob } from "node:path";

// src/git/changed-paths.ts
var FORMAT2 = "--format=%x01%H%x00%P%x00%B";
var isRecord = (text) => text.charCodeAt(0) === 1 && /^[0-9a-f]{40,64}$/.test(text.slice(1));
async function readCommitsWithPaths(git, head, exclude, read) {
  const args = [
    "-c",
    "log.showSignature=false",
    "log",
    "-z",
    FORMAT2,
    "--no-color",
    "--topo-order",
    "--name-only",
    "--no-renames",
    "--diff-merges=first-parent",
    "--end-of-options",
    head,
    ...exclude.map((sha2) => `^${sha2}`),
    "--"
  ];
  const out = [];
  let sha = "";
  let parents = [];
  let message = "";
  let paths = [];
  let field = 0;
  const flush = () => {
    if (sha) out.push(read({ sha, parents, message, paths }));
    sha = "";
  };
  const take = (bytes, start, end) => {
    if (field === 3 || field === 0) {
      const text = bytes.toString("utf8", start, end);
      if (isRecord(text)) {
        flush();
        sha = text.slice(1);
        paths = [];
        field = 1;
        return;
      }
      if (field === 3 && text) paths.push(text.startsWith("\n") ? text.slice(1) : text);
      return;
    }
    if (field === 1) {
      const list = bytes.toString("latin1", start, end);
      parents = list ? list.split(" ") : [];
      field = 2;
      return;
    }
    message = decode(bytes, start, end);
    field = 3;
  };
  await forEachField(git.stream(args), take, true);
  flush();
  return out;
}

// src/run/package-history.ts
async function readPackageHistory(git, options, requests) {
  const head = (await git.run(["rev-parse", "--verify", "--end-of-options", `${options.head ?? "HEAD"}^{commit}`])).trim();
  const fetched = await unshallow(git, options);
  const refs = await readTags(git);
  const reach = new Reachability(git, head);
  const prefixes = requests.map((r) => r.pkg.config.tagPrefix);
  const orders = requests.map(({ pkg, line, ignoreTag }) => {
    const parsed = parseReleaseTags(
      refs.filter((ref) => ref.name !== ignoreTag),
      pkg.config.tagPrefix,
      pkg.config.scheme
    );
    const ignored = parsed.ignored.filter((name) => !prefixes.some((prefix) => prefix !== pkg.config.tagPrefix && name.startsWith(prefix)));
    const tags = { ...parsed, ignored };
    return { tags, order: chooseCandidates(tags, line) };
  });
  await reach.filter(orders.flatMap(({ order }) => order.base.slice(0, 1).map((t) => t.sha)));
  const perPackage = [];
  for (const { tags, order } of orders) {
    const base = await reach.first(order.base);
    const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable);
    perPackage.push({ tags, base, stableBase });
  }
  const bases = perPackage.map((p) => p.base?.sha ?? null);
  const exclude = bases.every((sha) => sha !== null) ? await commonAncestors(git, [...new Set(bases)]) : [];
  const bitOf = /* @__PURE__ */ new Map();
  bases.forEach((sha, i) => sha !== null && bitOf.set(sha, (bitOf.get(sha) ?? 0n) | 1n << BigInt(i)));
  const specs = requests.map((r) => r.pkg.spec);
  const rootIndex = specs.findIndex((s) => s.path === ".");
  const commits = requests.map(() => []);
  const contained = /* @__PURE__ */ new Map();
  const unrouted = { count: 0, examples: [] };
  await readCommitsWithPaths(git, head, exclude, (commit) => {
    const mask = (contained.get(commit.sha) ?? 0n) | (bitOf.get(commit.sha) ?? 0n);
    contained.delete(commit.sha);
    for (const parent of commit.parents) contained.set(parent, (contained.get(parent) ?? 0n) | mask);
    const owners = ownersOf(commit.paths, specs, rootIndex);
    const inRange = owners.filter((i) => (mask >> BigInt(i) & 1n) === 0n);
    if (inRange.length === 0) {
      if (owners.length === 0 && commit.paths.length && mask === 0n) {
        unrouted.count++;
        if (unrouted.examples.length < 3) unrouted.examples.push({ sha: commit.sha, header: commit.message.split("\n", 1)[0] ?? "" });
      }
      return;
    }
    const parsed = parseCommit(commit);
    for (const i of inRange) commits[i].push(parsed);
  });
  const facts = perPackage.map((p, i) => ({
    head,
    tags: p.tags,
    base: p.base,
    stableBase: p.stableBase,
    commits: commits[i],
    fetched
  }));
  return { head, facts, unrouted, fetched };
}
function ownersOf(paths, specs, rootIndex) {
  const owners = /* @__PURE__ */ new Set();
  for (const file of paths) {
    let held = false;
    specs.forEach((spec, i) => {
      if (i !== rootIndex && routesTo(spec, file, matchesGlob)) {
        owners.add(i);
        held = true;
      }
    });
    if (!held && rootIndex !== -1) owners.add(rootIndex);
  }
  return [...owners].sort((a, b) => a - b);
}
async function commonAncestors(git, shas) {
  if (shas.length === 1) return [...shas];
  const found = await git.tryRun(["merge-base", "--octopus", "--all", "--end-of-options", ...shas]);
  return found.code === 0 ? found.stdout.split("\n").filter(Boolean) : [];
}
async function unshallow(git, options) {
  if (options.state.complete || !await isShallow(git)) return [];
  if (options.fetchHistory === "never") {
    throw new VersoError(
      "ESHALLOW",
      "This is a shallow clone, and a monorepo plan needs the history back to every package's last release (fetch-history is never).",
      {
        hint: "Check out the whole history: with actions/checkout, set `fetch-depth: 0`; or set `fetch-history: auto`."
      }
    );
  }
  const remote = { git, name: "origin", state: options.state, fetched: [] };
  await fetchWhole(remote, options.fetchHistory === "full" ? null : "blob:none", "for the packages");
  return remote.fetched;
}

// src/run/gather.ts
var GITHUB_COMMITTER_EMAIL = "noreply@github.com";
function createGather(git, config) {
  const state = newFetchState();
  const history = async (request = {}) => {
    let tags = { all: [], ignored: [] };
    const read = await readHistory(git, {
      fetchHistory: config.fetchHistory,
      state,
      order: (refs) => {
        tags = parseReleaseTags(
          refs.filter((ref) => ref.name !== request.ignoreTag),
          config.tagPrefix,
          config.scheme
        );
        return chooseCandidates(tags, request.line ?? { prerelease: config.prerelease, range: null });
      },
      read: parseCommit,
      ...request.commits === false ? { commits: false } : {},
      ...request.head ? { head: request.head } : {}
    });
    return { head: read.head, tags, base: read.base, stableBase: read.stableBase, commits: read.commits, fetched: read.fetched };
  };
  const prefixes = config.packages ? config.packages.list.map((pkg) => pkg.config) : [config];
  const isRelease = (name) => prefixes.some((c) => parseReleaseTags([{ name, sha: "" }], c.tagPrefix, c.scheme).all.length > 0);
  return {
    history,
    fetchMissingTags: () => config.fetchHistory === "never" ? Promise.resolve({ kind: "skipped" }) : fetchMissingTags(git, state, isRelease),
    imageSources: (image, releaseTag, todayAt) => readImageSources(git, image, releaseTag, todayAt),
    taggerEmail: (tag) => readTaggerEmail(git, tag),
    async pullRequest(pr) {
      if (await isShallow(git)) await history();
      await ensureCommit(git, pr.baseSha);
      await ensureCommit(git, pr.headSha);
      const { commits } = await readCommits(git, pr.headSha, pr.baseSha, (c) => c);
      const head = (await git.run(["rev-parse", "--verify", "HEAD^{commit}"])).trim();
      return { commits, worktreeHasHead: head === pr.headSha || await isAncestor(git, pr.headSha, head) };
    },
    async commitOf(ref) {
      const found = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
      return found.code === 0 ? found.stdout.trim() : null;
    },
    remoteDefaultBranch: () => readDefaultBranch(git),
    worktreeFile: (path) => readWorktreeFile(git.cwd, path),
    async releaseCommitAbove(branch, head, tagger) {
      const tip = await readRemoteBranch(git, "origin", branch).catch(() => null);
      if (tip === null || tip === head) return null;
      await git.tryRun(["fetch", "--no-tags", "--end-of-options", "origin", `refs/heads/${branch}`]);
      const found = await git.tryRun(["log", "-1", "--format=%P%x00%ce%x00%s", "--end-of-options", tip, "--"]);
      if (found.code !== 0) return null;
      const [parents = "", email = "", subject = ""] = found.stdout.trim().split("\0");
      const committer = email === tagger.email || config.release.commitVia === "api" && email === GITHUB_COMMITTER_EMAIL;
      return parents === head && committer && subject.startsWith("chore(release): ") ? tip : null;
    },
    packages: (requests, head) => readPackageHistory(git, { fetchHistory: config.fetchHistory, state, ...head ? { head } : {} }, requests),
    async branch(hints, needDefault) {
      const fromRef = hints.githubRef?.startsWith("refs/heads/") ? hints.githubRef.slice("refs/heads/".length) : null;
      const [current, recorded] = await Promise.all([
        fromRef === null ? readCurrentBranch(git) : null,
        needDefault !== "no" && (hints.eventDefaultBranch ?? null) === null ? readDefaultBranch(git) : null
      ]);
      const branch = fromRef ?? current ?? (hints.ciCommitBranch || null);
      if (needDefault === "no") return { branch, defaultBranch: null };
      const known = hints.eventDefaultBranch ?? recorded;
      const defaultBranch = known ?? (needDefault === "remote" ? await askDefaultBranch(git) : null);
      return { branch, defaultBranch };
    }
  };
}
async function readImageSources(git, image, releaseTag, todayAt) {
  const [today, atRelease] = await Promise.all([
    todayAt === null ? readWorktreeSources(git, image) : readSourcesAt(git, image, todayAt),
    releaseTag === null ? null : readSourcesAt(git, image, releaseTag)
  ]);
  if (today.files.length === 0) {
    throw new VersoError("EINVALIDCONFIG", `\`schemas: ${image.schemas.join(", ")}\` matched no file.`, {
      hint: "Globs are relative to the repository (or working-directory), e.g. `schemas/**/*.json`; a folder is matched by `folder/**`."
    });
  }
  return {
    today: today.files,
    worktreeImage: today.image,
    atRelease: releaseTag === null || atRelease === null ? null : { tag: releaseTag, ...atRelease }
  };
}
async function readWorktreeSources(git, image) {
  const [paths, imageText] = await Promise.all([listFiles(git, null, image.schemas), readWorktreeFile(git.cwd, image.file)]);
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readWorktreeFile(git.cwd, path) ?? "" })));
  return { image: imageText, files };
}
async function readSourcesAt(git, image, at) {
  const { matching: paths, texts } = await readMatchingFilesAt(git, at, image.schemas, [image.file]);
  return {
    image: texts.get(image.file) ?? null,
    files: paths.flatMap((path) => texts.has(path) ? [{ path, text: texts.get(path) }] : [])
  };
}

export {
  createGather
};

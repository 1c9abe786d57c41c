import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  analyzeCommits,
  readCommit
} from "./chunk-5YMLDJFO.js";
import {
  GitError,
  readTaggerEmail
} from "./chunk-EJWQBSUY.js";
import {
  compareCalver,
  compareSemver,
  configFilePath,
  formatCalver,
  isSemverCompatible,
  nextCalver,
  nextSemver,
  parseCalver,
  parseSemver,
  require_semver,
  resolveConfig
} from "./chunk-VNJYUWSJ.js";
import {
  VersoError
} from "./chunk-FJVPBRYT.js";
import {
  compareBumps
} from "./chunk-QSZWMMJ6.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/git/commits.ts
import { isUtf8 } from "node:buffer";
var FORMAT = "--format=%m%H%x00%P%x00%B";
async function readCommits(git, head, since, read) {
  const revisions = since ? ["--boundary", "--end-of-options", head, `^${since}`] : ["--end-of-options", head];
  const args = ["-c", "log.showSignature=false", "log", "-z", FORMAT, "--no-color", ...revisions, "--"];
  const commits = [];
  let sinceReached = since === head;
  let field = 0;
  let mark = "";
  let parents = "";
  const take = (bytes, start, end) => {
    if (field === 0) mark = bytes.toString("latin1", start, end);
    else if (field === 1) parents = bytes.toString("latin1", start, end);
    else if (mark.startsWith("-")) sinceReached ||= mark.slice(1) === since;
    else commits.push(read({ sha: mark.slice(1), parents: parents ? parents.split(" ") : [], message: decode(bytes, start, end) }));
    field = (field + 1) % 3;
  };
  let pending = [];
  for await (const chunk of git.stream(args)) {
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
  return { commits, sinceReached };
}
function decode(bytes, start, end) {
  const text = bytes.toString("utf8", start, end);
  if (!text.includes("\uFFFD") || isUtf8(bytes.subarray(start, end))) return text;
  return bytes.toString("latin1", start, end);
}

// src/git/history.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

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

// src/git/tags.ts
var fields = (dates) => ["%(refname:strip=2)", "%(objecttype)", "%(objectname)", "%(*objecttype)", "%(*objectname)", ...dates ? ["%(committerdate:unix)", "%(*committerdate:unix)"] : []].join("%00");
async function readTags(git, options) {
  const out = await git.run(["for-each-ref", `--format=${fields(options.dates)}`, "refs/tags"]);
  const tags = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [name = "", type, sha = "", peeledType, peeledSha = "", date, peeledDate] = line.split("\0");
    if (type === "commit") tags.push({ name, sha, date: options.dates ? Number(date) : null });
    else if (type === "tag" && peeledType === "commit") tags.push({ name, sha: peeledSha, date: options.dates ? Number(peeledDate) : null });
  }
  return tags;
}

// src/git/history.ts
var tagsFetched = /* @__PURE__ */ new Set();
async function readHistory(git, options) {
  const remote = options.remote ?? "origin";
  const [repository, readTagsResult] = await Promise.allSettled([inspectRepository(git, options.head ?? "HEAD"), readTags(git, { dates: false })]);
  if (repository.status === "rejected") throw repository.reason;
  if (readTagsResult.status === "rejected") throw readTagsResult.reason;
  const { head, shallow } = repository.value;
  const unshallowTags = readTagsResult.value;
  const fetched = [];
  if (shallow && options.fetchHistory === "never") throw shallowError("fetch-history is never");
  if (shallow && !tagsFetched.has(git.cwd)) {
    await fetchOrExplain(git, ["fetch", "--depth=1", "--tags", remote]);
    tagsFetched.add(git.cwd);
    fetched.push("fetched tags (depth 1)");
  }
  const tags = shallow ? await readTags(git, { dates: true }) : unshallowTags;
  const order = options.order(tags);
  const reach = new Reachability(git, head);
  if (shallow) await deepenUntilKnown(git, head, order.base, reach, fetched, remote);
  if (options.commits === false) {
    const base2 = await reach.first(order.base);
    return { head, tags, base: base2, stableBase: null, commits: [], fetched };
  }
  const best = order.base[0] ?? null;
  let range = await readCommits(git, head, best?.sha ?? null, options.read);
  let base = best && range.sinceReached ? best : null;
  if (best && !base) {
    base = await reach.first(order.base.slice(1));
    range = await readCommits(git, head, base?.sha ?? null, options.read);
  }
  const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable);
  return { head, tags, base, stableBase, commits: range.commits, fetched };
}
async function inspectRepository(git, revision) {
  const found = await git.tryRun(["rev-parse", "--is-shallow-repository", "--end-of-options", `${revision}^{commit}`]);
  if (found.code === 0) {
    const lines = found.stdout.trim().split("\n");
    const shallow = lines[0];
    const head = lines.at(-1) ?? "";
    return { head, shallow: shallow === "true" };
  }
  const inside = await git.tryRun(["rev-parse", "--is-inside-work-tree"]);
  if (inside.code !== 0) {
    throw new VersoError("ENOTAREPO", `${git.cwd} is not inside a git repository.`, {
      hint: "Run verso in a checkout (in a workflow, add actions/checkout before this step)."
    });
  }
  if (revision !== "HEAD") throw new VersoError("EGIT", `${revision} is not a commit of this repository.`, { hint: "Fetch it first (actions/checkout with fetch-depth: 0), or name another base." });
  throw new VersoError("ENOHEAD", "The repository has no commits yet, so there is nothing to version.", { hint: "Commit something first." });
}
async function isShallow(git) {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
async function deepenUntilKnown(git, head, ordered, reach, fetched, remote) {
  if (ordered.length === 0) {
    await fetchOrExplain(git, ["fetch", "--no-tags", "--unshallow", remote]);
    fetched.push("no release tags: fetched the complete history");
    return;
  }
  for (let step = 64; await isShallow(git); step *= 2) {
    const best = await reach.first(ordered);
    if (best) {
      const boundary = await readShallowBoundary(git);
      if (!await rangeIsCut(git, head, best.sha, boundary)) {
        const better = ordered.slice(0, ordered.indexOf(best));
        const frontier = await newestFrontierDate(git, boundary, reach);
        if (better.every((tag) => (tag.date ?? Number.POSITIVE_INFINITY) > frontier)) return;
      }
    }
    await fetchOrExplain(git, ["fetch", "--no-tags", `--deepen=${step}`, remote, head]);
    fetched.push(`deepened the history by ${step} commits`);
    reach.reset();
  }
}
async function readShallowBoundary(git) {
  const shallowFile = resolve(git.cwd, (await git.run(["rev-parse", "--git-path", "shallow"])).trim());
  return new Set((await readFile(shallowFile, "utf8").catch(() => "")).split("\n").filter(Boolean));
}
async function rangeIsCut(git, head, since, boundary) {
  const out = await git.run(["rev-list", "--end-of-options", head, `^${since}`, "--"]);
  return out.split("\n").some((sha) => boundary.has(sha));
}
async function newestFrontierDate(git, boundary, reach) {
  const onHead = await reach.filter([...boundary]);
  if (onHead.length === 0) return Number.NEGATIVE_INFINITY;
  const dates = await git.run(["log", "--no-walk", "--format=%ct", "--end-of-options", ...onHead, "--"]);
  return Math.max(...dates.split("\n").filter(Boolean).map(Number));
}
async function fetchOrExplain(git, args) {
  try {
    await git.run(args);
  } catch (error) {
    if (error instanceof GitError) throw shallowError(`fetching from the remote failed: ${error.stderr.trim().split("\n").pop() ?? ""}`);
    throw error;
  }
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

// src/versions/scheme.ts
var import_semver = __toESM(require_semver(), 1);
function parseVersion(scheme, text) {
  if (scheme.kind === "semver") {
    const value2 = parseSemver(text);
    return value2 && { kind: "semver", value: value2 };
  }
  const value = parseCalver(scheme.format, text);
  return value && { kind: "calver", value };
}
function compareVersions(a, b) {
  if (a.kind === "semver" && b.kind === "semver") return compareSemver(a.value, b.value);
  if (a.kind === "calver" && b.kind === "calver") return compareCalver(a.value, b.value);
  throw new Error("compareVersions: versions of two schemes");
}
function channelOf(version) {
  if (version.kind === "calver") return version.value.modifier?.id ?? null;
  const first = version.value.prerelease[0];
  return first === void 0 ? null : String(first);
}
function isPrerelease(version) {
  return version.kind === "semver" ? version.value.prerelease.length > 0 : version.value.modifier !== null;
}
function nextVersion(scheme, input) {
  if (scheme.kind === "semver") {
    const only = (v) => v?.kind === "semver" ? v.value : null;
    return nextSemver({
      base: only(input.base),
      stable: only(input.stable),
      bump: input.bump,
      initialVersion: scheme.initialVersion,
      majorZeroBreaking: scheme.majorZeroBreaking,
      forced: input.forced,
      prerelease: input.prerelease,
      taken: input.taken.flatMap((v) => v.kind === "semver" ? [v.value] : [])
    });
  }
  const previous = input.base?.kind === "calver" ? input.base.value : null;
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? void 0
  });
  const taken = new Set(input.taken.flatMap((v) => v.kind === "calver" ? [formatCalver(v.value)] : []));
  let version = formatCalver(next.version);
  for (let modifier = next.version.modifier; modifier && taken.has(version); ) {
    const bumped = parseCalver(scheme.format, version.replace(/\d+$/, String(modifier.number + 1)));
    if (!bumped) break;
    modifier = bumped.modifier;
    version = formatCalver(bumped);
  }
  const notes = [...next.notes];
  if (!isSemverCompatible(version)) notes.push(`${version} is not a SemVer version: do not hand it to tools that expect one`);
  return { version, notes };
}
function describeParts(version) {
  if (version.kind === "semver") {
    const { major, minor, patch, prerelease: prerelease2 } = version.value;
    return { major: String(major), minor: String(minor), patch: String(patch), prerelease: prerelease2.join(".") };
  }
  const modifier = version.value.modifier;
  const prerelease = modifier ? `${modifier.id}.${modifier.number}` : "";
  const text = formatCalver(version.value);
  const numbers = isSemverCompatible(text) ? import_semver.default.parse(text) : null;
  return numbers ? { major: String(numbers.major), minor: String(numbers.minor), patch: String(numbers.patch), prerelease } : { major: "", minor: "", patch: "", prerelease };
}

// src/run/plan.ts
function parseTags(config, tags) {
  const parsed = [];
  const ignored = [];
  for (const ref of tags) {
    const version = ref.name.startsWith(config.tagPrefix) ? parseVersion(config.scheme, ref.name.slice(config.tagPrefix.length)) : null;
    if (version) parsed.push({ ref, version });
    else ignored.push(ref.name);
  }
  return { parsed, ignored };
}
function orderTags(config, tags) {
  const { parsed } = parseTags(config, tags);
  parsed.sort((a, b) => compareVersions(b.version, a.version) || a.ref.name.localeCompare(b.ref.name));
  const stable = parsed.filter((p) => !isPrerelease(p.version)).map((p) => p.ref);
  const base = config.prerelease === null ? stable : parsed.map((p) => p.ref);
  return { base, stable };
}
function decidePlan(config, history, now, image = null, options = {}) {
  const { parsed, ignored } = parseTags(config, history.tags);
  const versionOf = (ref) => parsed.find((p) => p.ref === ref)?.version ?? null;
  const analysis = analyzeCommits(history.commits, config.releaseRules);
  let bump = config.bump === "auto" ? analysis.bump : config.bump;
  const notes = config.bump === "auto" ? [] : [`bump forced to ${config.bump} by the \`bump\` input (the commits call for ${analysis.bump === "none" ? "no release" : analysis.bump})`];
  const findings = config.strict ? analysis.decisions.filter((d) => d.message.kind === "unconventional" && !d.merge).map((d) => ({ kind: "non-conventional", sha: d.sha, header: d.header, why: d.message.kind === "unconventional" ? d.message.why : "" })) : [];
  if (image) {
    findings.push(...image.findings.map((finding) => ({ kind: "image", finding })));
    const required = image.bump.bump;
    if (compareBumps(required, bump) > 0) {
      const reasons = image.bump.reasons.map((r) => r.message);
      if (config.image?.bump === "escalate") {
        notes.push(`raised from ${bump} to ${required} by the release-image check: ${reasons.join("; ")}`);
        bump = required;
      } else {
        findings.push({ kind: "image-bump", required, declared: bump, reasons });
      }
    }
  }
  const common = {
    scheme: config.scheme.kind,
    head: history.head,
    previous: history.base && { version: history.base.name.slice(config.tagPrefix.length), tag: history.base.name, sha: history.base.sha },
    bump,
    commits: analysis.decisions,
    notes,
    ignoredTags: ignored,
    image
  };
  const { finish } = options;
  if (finish === void 0 && (bump === "none" || history.commits.length === 0)) {
    if (findings.length) return { ...common, kind: "blocked", findings, next: null };
    return { ...common, kind: "none", reason: history.commits.length === 0 ? "no-commits" : "no-releasable-commits", next: null };
  }
  const next = finish !== void 0 ? { version: finish, notes: [`finishing the release of ${config.tagPrefix}${finish}, tagged at HEAD by an earlier run`] } : nextVersion(config.scheme, {
    base: history.base && versionOf(history.base),
    stable: history.stableBase && versionOf(history.stableBase),
    bump: releasing(bump),
    forced: config.bump !== "auto",
    prerelease: config.prerelease,
    taken: parsed.map((p) => p.version),
    now
  });
  const release = { version: next.version, tag: `${config.tagPrefix}${next.version}` };
  const plan = { ...common, notes: [...common.notes, ...next.notes] };
  const clash = history.tags.find((t) => t.name === release.tag && t.sha !== history.head);
  if (clash) findings.push({ kind: "tag-exists", tag: clash.name, sha: clash.sha });
  if (findings.length) return { ...plan, kind: "blocked", findings, next: release };
  return { ...plan, kind: "release", next: release, standing: standingOf(parseVersion(config.scheme, next.version), parsed.map((p) => p.version)) };
}
function releasing(bump) {
  if (bump === "none") throw new Error("decidePlan: a release without a bump");
  return bump;
}
function standingOf(next, existing) {
  const stable = !isPrerelease(next);
  const above = (others) => stable && others.every((v) => isPrerelease(v) || compareVersions(next, v) > 0);
  const parts = describeParts(next);
  if (next.kind !== "semver") return { prerelease: !stable, parts, latest: above(existing), highestInMajor: false, highestInMinor: false };
  const sameMajor = existing.filter((v) => v.kind === "semver" && v.value.major === next.value.major);
  const sameMinor = sameMajor.filter((v) => v.kind === "semver" && v.value.minor === next.value.minor);
  return { prerelease: !stable, parts, latest: above(existing), highestInMajor: above(sameMajor), highestInMinor: above(sameMinor) };
}

// src/run/pipeline.ts
async function loadConfig(given, readText) {
  const path = configFilePath(given);
  const text = await readText(path);
  if (text === null && given["config-file"] !== void 0) {
    throw new VersoError("EINVALIDCONFIG", `The config file ${path} does not exist.`, { hint: "Fix `config-file`, or leave it out to use .github/verso.yml when present." });
  }
  return resolveConfig(given, text === null ? {} : (await import("./file-IH6PBG2H.js")).parseConfigFile(text, path));
}
async function planRelease(git, config, now, options = {}) {
  const keep = (tags) => tags.filter((t) => t.name !== options.ignoreTag);
  const read = await readHistory(git, {
    fetchHistory: config.fetchHistory,
    order: (tags) => orderTags(config, keep(tags)),
    read: readCommit,
    ...options.head ? { head: options.head } : {}
  });
  const history = { ...read, tags: keep(read.tags), commits: [...options.extraCommits ?? [], ...read.commits] };
  const image = config.image && await checkImage(git, config.image, history.base?.name ?? null, { checkWorktreeImage: true }, options.schemasAt ?? null);
  return { plan: decidePlan(config, history, now, image, options.finish === void 0 ? {} : { finish: options.finish }), fetched: history.fetched };
}
async function checkReleaseImage(git, config, options) {
  if (!config.image) {
    throw new VersoError("EINVALIDCONFIG", "The release-image check has no schemas to look at.", {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    });
  }
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: () => null, commits: false });
  return { check: await checkImage(git, config.image, history.base?.name ?? null, options), image: config.image };
}
async function checkImage(git, image, releaseTag, options, todayAt = null) {
  const { readImageSources, runImageCheck } = await import("./image-JPJXPN5G.js");
  return runImageCheck(image, await readImageSources(git, image, releaseTag, todayAt), options);
}
async function planReleaseRun(git, config, now) {
  const first = await planRelease(git, config, now);
  const { plan } = first;
  if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) return { ...first, resumed: false };
  const version = parseVersion(config.scheme, plan.previous.version);
  const ours = version !== null && channelOf(version) === config.prerelease && await readTaggerEmail(git, plan.previous.tag) === config.release.tagger.email;
  if (!ours) return { ...first, resumed: false };
  return { ...await planRelease(git, config, now, { ignoreTag: plan.previous.tag, finish: plan.previous.version }), resumed: true };
}

export {
  readCommits,
  isShallow,
  ensureCommit,
  loadConfig,
  planRelease,
  checkReleaseImage,
  planReleaseRun
};

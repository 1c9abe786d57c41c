import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError
} from "./chunk-FHD5WZQQ.js";
import {
  comparePep440,
  parsePep440Semver,
  readPep440Stage,
  readPep440Suffix,
  requirePep440Stage,
  writePep440Semver,
  writePep440Suffix
} from "./chunk-3KK5PDD7.js";
import {
  compareSemver,
  nextSemver,
  parseSemver,
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  COUNTER_TOKENS,
  TOKEN_SPECS,
  buildPeriod,
  comparePeriods,
  isCounterToken,
  isWritableYear,
  readField,
  readPeriod
} from "./chunk-A4HLQ4KQ.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/git/signing.ts
import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var NO_SIGNING = { kind: "none" };
function gitSigning(signing) {
  switch (signing.kind) {
    case "none":
      return { config: ["-c", "tag.gpgSign=false", "-c", "commit.gpgSign=false"], env: {} };
    case "ssh":
      return { config: ["-c", "gpg.format=ssh", "-c", `user.signingKey=${signing.keyFile}`], env: {} };
    case "gpg":
      return {
        config: ["-c", "gpg.format=openpgp", "-c", "gpg.program=gpg", "-c", `user.signingKey=${signing.fingerprint}`],
        env: { GNUPGHOME: signing.home }
      };
    default:
      return assertNever(signing);
  }
}
async function withSigning(git, request, use) {
  if (request.kind === "none") return use(NO_SIGNING);
  const key = normalizeKey(request.key ?? "");
  if (key === "\n") throw missingKey(request.kind);
  checkKeyKind(request.kind, key);
  const dir = await mkdtemp(join(request.tempRoot ?? (process.env.RUNNER_TEMP || tmpdir()), "verso-signing-"));
  try {
    await chmod(dir, 448);
    const signing = request.kind === "ssh" ? await prepareSsh(dir, key, request.log) : await prepareGpg(dir, key, request.log);
    await probe(git, signing);
    return await use(signing);
  } finally {
    if (request.kind === "gpg") await run("gpgconf", ["--homedir", dir, "--kill", "gpg-agent"]).catch(() => {
    });
    await rm(dir, { recursive: true, force: true });
  }
}
function normalizeKey(text) {
  return `${text.replace(/\r\n?/g, "\n").trim()}
`;
}
function missingKey(kind) {
  return new VersoError(
    "EINVALIDCONFIG",
    `\`sign: ${kind}\` needs the private key in \`signing-key\`, and none was given: nothing was tagged.`,
    {
      hint: "Store the key as a repository secret and pass it: `signing-key: ${{ secrets.RELEASE_SIGNING_KEY }}` (for the command line, set VERSO_SIGNING_KEY); or set `sign: none`."
    }
  );
}
function checkKeyKind(kind, key) {
  const wrong = (what, hint) => new VersoError("EINVALIDCONFIG", `\`signing-key\` is ${what}, and \`sign: ${kind}\` needs ${wanted[kind]}: nothing was tagged.`, {
    hint
  });
  const wanted = { ssh: "an OpenSSH private key", gpg: "an ASCII-armoured OpenPGP secret key" };
  if (/^(ssh-|ecdsa-|sk-)\S+ AAAA/.test(key) || key.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"))
    throw wrong(
      "a public key",
      "Give the private key (the file without `.pub`, or `gpg --armor --export-secret-keys`); the public key goes to GitHub."
    );
  if (kind === "ssh" && key.startsWith("-----BEGIN PGP "))
    throw wrong("an OpenPGP key", "Set `sign: gpg` for an OpenPGP key, or give an SSH key made with `ssh-keygen -t ed25519`.");
  if (kind === "gpg" && !key.startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----"))
    throw wrong(
      "not an ASCII-armoured OpenPGP secret key",
      "Export it with `gpg --armor --export-secret-keys <fingerprint>`, or set `sign: ssh` for an SSH key."
    );
}
async function prepareSsh(dir, key, log) {
  const keyFile = join(dir, "key");
  await writeFile(keyFile, key, { mode: 384, flag: "wx" });
  const derived = await run("ssh-keygen", ["-y", "-P", "", "-f", keyFile]);
  if (derived.code === "missing") throw missingTool("ssh-keygen", "ssh", "Install OpenSSH 8.2 or later (the ssh client package).");
  if (derived.code !== 0) {
    throw new VersoError(
      "EINVALIDCONFIG",
      `\`signing-key\` is not an OpenSSH private key without a passphrase that ssh-keygen can read (${describeToolError(derived.stderr, keyFile)}): nothing was tagged.`,
      {
        hint: "Make one with `ssh-keygen -t ed25519 -N '' -f release-key` and store the whole of `release-key`, both marker lines included, as the secret."
      }
    );
  }
  const publicFile = join(dir, "key.pub");
  await writeFile(publicFile, derived.stdout, { mode: 384, flag: "wx" });
  const fingerprint = await run("ssh-keygen", ["-l", "-f", publicFile]);
  if (fingerprint.code === 0) log(`Signing with the SSH key ${fingerprint.stdout.trim().split(" ").slice(1).join(" ")}.`);
  return { kind: "ssh", keyFile };
}
async function prepareGpg(home, key, log) {
  await writeFile(join(home, "gpg.conf"), "batch\nno-tty\npinentry-mode loopback\n", { mode: 384 });
  const gpg = (args, input) => run("gpg", ["--homedir", home, ...args], input);
  const imported = await gpg(["--import"], key);
  if (imported.code === "missing")
    throw missingTool("gpg", "gpg", "Install GnuPG 2.1 or later, or sign with an SSH key (`sign: ssh`), which needs no GnuPG.");
  if (imported.code !== 0) {
    throw new VersoError(
      "EINVALIDCONFIG",
      `gpg could not import \`signing-key\` (${describeToolError(imported.stderr, home)}): nothing was tagged.`,
      { hint: "Give the output of `gpg --armor --export-secret-keys <fingerprint>`, of a key without a passphrase." }
    );
  }
  const listed = await gpg(["--with-colons", "--list-secret-keys"]);
  const fingerprint = listed.code === 0 ? readFingerprint(listed.stdout) : null;
  if (fingerprint === null) {
    throw new VersoError("EINVALIDCONFIG", "`signing-key` holds no OpenPGP secret key, only public ones: nothing was tagged.", {
      hint: "Export the secret key: `gpg --armor --export-secret-keys <fingerprint>`."
    });
  }
  log(`Signing with the OpenPGP key ${fingerprint}.`);
  return { kind: "gpg", home, fingerprint };
}
function readFingerprint(colons) {
  const lines = colons.split("\n").map((line) => line.split(":"));
  const secret = lines.findIndex((fields) => fields[0] === "sec");
  if (secret === -1) return null;
  return lines.slice(secret + 1).find((fields) => fields[0] === "fpr")?.[9] || null;
}
async function probe(git, signing) {
  const { config, env } = gitSigning(signing);
  const identity = {
    GIT_AUTHOR_NAME: "verso",
    GIT_AUTHOR_EMAIL: "verso@localhost",
    GIT_COMMITTER_NAME: "verso",
    GIT_COMMITTER_EMAIL: "verso@localhost"
  };
  try {
    const tree = (await git.run(["mktree"], { input: "" })).trim();
    await git.run([...config, "commit-tree", "-S", "-m", "verso: signing check", tree], { env: { ...env, ...identity } });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const where = signing.kind === "ssh" ? signing.keyFile : signing.kind === "gpg" ? signing.home : "";
    throw new VersoError(
      "EINVALIDCONFIG",
      `git could not sign with \`signing-key\` (${describeToolError(error.stderr, where)}): nothing was tagged.`,
      {
        hint: signing.kind === "ssh" ? "Signing with an SSH key needs git 2.34 or later and OpenSSH 8.2 or later on the runner, and a key without a passphrase." : "Give a key without a passphrase whose secret part can sign (`gpg --armor --export-secret-keys <fingerprint>`)."
      }
    );
  }
}
function missingTool(tool, kind, hint) {
  return new VersoError(
    "EINVALIDCONFIG",
    `\`sign: ${kind}\` needs ${tool}, which is not installed or not on the PATH: nothing was tagged.`,
    { hint }
  );
}
function describeToolError(stderr, path) {
  const text = (path ? stderr.split(path).join("the key") : stderr).split("\n").map((line) => line.replace(/^(fatal|error):\s*/i, "").trim()).filter(Boolean).join(" ");
  return text.length > 300 ? `${text.slice(0, 299)}\u2026` : text || "no message";
}
function run(command, args, input) {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (!error) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === "number") resolve({ code: error.code, stdout, stderr });
      else if (error.code === "ENOENT") resolve({ code: "missing", stdout, stderr });
      else reject(error);
    });
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(input);
  });
}
function assertNever(value) {
  throw new Error(`gitSigning: unexpected signing ${JSON.stringify(value)}`);
}

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
async function readRemoteTags(git, remote, prefix) {
  const out = await remoteCall(git, ["ls-remote", "--tags", "--end-of-options", remote], remote);
  const tags = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [oid = "", full = ""] = line.split("	");
    const peeled = full.endsWith("^{}");
    const name = full.replace(/^refs\/tags\//, "").replace(/\^\{\}$/, "");
    if (!full.startsWith("refs/tags/") || !name.startsWith(prefix)) continue;
    const known = tags.get(name);
    if (peeled) tags.set(name, { ref: known?.ref ?? oid, commit: oid });
    else tags.set(name, { ref: oid, commit: known?.commit ?? oid });
  }
  return tags;
}
async function readLocalTag(git, tag) {
  const found = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", `refs/tags/${tag}^{commit}`]);
  return found.code === 0 ? found.stdout.trim() : null;
}
async function readTaggerEmail(git, tag) {
  const out = await git.run(["for-each-ref", "--format=%(objecttype)%00%(taggeremail)", `refs/tags/${tag}`]);
  const [type, email = ""] = out.trim().split("\0");
  return type === "tag" ? email.replace(/^<|>$/g, "") : null;
}
async function isAncestor(git, ancestor, descendant) {
  const result = await git.tryRun(["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant]);
  if (result.code > 1) throw new GitError(["merge-base"], result.code, result.stderr);
  return result.code === 0;
}
async function fetchTag(git, remote, tag) {
  await remoteCall(git, ["fetch", "--no-tags", "--end-of-options", remote, `+refs/tags/${tag}:refs/tags/${tag}`], remote);
}
async function createAnnotatedTag(git, tag, sha, message, tagger, signing = NO_SIGNING) {
  const { config, env } = gitSigning(signing);
  const identity = { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email };
  const sign = signing.kind === "none" ? [] : ["--sign"];
  await git.run([...config, "tag", "--annotate", ...sign, "--cleanup=verbatim", "--file=-", "--end-of-options", tag, sha], {
    input: message,
    env: { ...env, ...identity }
  });
}
async function pushTag(git, remote, tag, options) {
  const source = options.sha ?? `refs/tags/${tag}`;
  const lease = options.expect === void 0 ? [] : [`--force-with-lease=refs/tags/${tag}:${options.expect ?? ""}`];
  const refspec = `${options.force && lease.length === 0 ? "+" : ""}${source}:refs/tags/${tag}`;
  const result = await git.tryRun(["push", "--porcelain", "--no-verify", ...lease, "--end-of-options", remote, refspec]);
  if (result.code === 0) return { kind: "pushed" };
  const message = (result.stderr + result.stdout).trim();
  if (/already exists|\(fetch first\)|non-fast-forward|stale info|\[rejected\]/i.test(message))
    return { kind: "rejected", reason: "exists", message };
  if (/denied|403|protected|forbidden|not allowed|permission|rule|GH013|pre-receive hook declined/i.test(message))
    return { kind: "rejected", reason: "denied", message };
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
  return new VersoError("EGIT", `Could not reach the remote \`${remote}\`: ${summarizeGitOutput(message) || "no message"}`, {
    hint: "Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable."
  });
}
function summarizeGitOutput(output) {
  const said = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    const remote = /^remote:\s*(.*)$/.exec(line);
    const refused = /^!\t[^\t]*\t\[[^\]]*\]\s*\((.*)\)$/.exec(line);
    if (remote) {
      if (remote[1]) said.push(remote[1]);
    } else if (refused) {
      said.push(refused[1]);
    } else if (/^(fatal|error):/i.test(line)) {
      said.push(line.replace(/^(fatal|error):\s*/i, ""));
    }
  }
  const text = (said.length ? said : [output.trim().split(/\r?\n/).pop() ?? ""]).join(" ").replace(/\s+/g, " ").trim();
  return text.length > 600 ? `${text.slice(0, 599)}\u2026` : text;
}

// src/versions/scheme.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/versions/calver/version.ts
var import_semver = __toESM(require_semver(), 1);
var COUNTER_PATTERN = "0|[1-9]\\d{0,14}";
var MODIFIER_ID = "[a-z](?:[a-z0-9]*[a-z])?";
var WHOLE_MODIFIER_ID = new RegExp(`^${MODIFIER_ID}$`);
var MODIFIER_PATTERN = `(?:${[
  `-(${MODIFIER_ID})\\.(${COUNTER_PATTERN})`,
  // dotted
  `-(${MODIFIER_ID})(${COUNTER_PATTERN})`,
  // dashed
  `(${MODIFIER_ID})(${COUNTER_PATTERN})`
  // glued
].join("|")})`;
var MODIFIER_RANK = /* @__PURE__ */ new Map([
  ["dev", 1],
  ["alpha", 2],
  ["beta", 3],
  ["rc", 4]
]);
function parseCalver(format, text) {
  const match = buildPattern(format).exec(text);
  if (match === null) return null;
  const fields = {};
  const counters = {};
  let group = 1;
  for (const { token } of format.segments) {
    if (token === "MODIFIER") continue;
    const digits = match[group++];
    if (isCounterToken(token)) counters[token] = digits === void 0 ? 0 : Number(digits);
    else fields[TOKEN_SPECS[token].field] = TOKEN_SPECS[token].read(digits ?? "");
  }
  const period = buildPeriod(format, fields);
  if (period === null || !isWritableYear(format, period.year)) return null;
  if (format.style === "pep440") {
    const rest = match[group] ?? "";
    const suffix = rest === "" ? null : readPep440Suffix(rest);
    if (rest !== "" && suffix === null) return null;
    return makeVersion(format, period, counters, suffix && { id: suffix.kind, number: suffix.number, spelling: "pep440" });
  }
  return makeVersion(format, period, counters, readModifier(match.slice(group)));
}
function formatCalver(version) {
  return writeSegments(version, false) + writeModifier(version.modifier);
}
function compareCalver(a, b) {
  if (a.format.text !== b.format.text || a.format.style !== b.format.style) {
    throw new Error(`compareCalver: versions of different formats (${a.format.text}, ${b.format.text}) have no order`);
  }
  if (a.format.style === "pep440") return comparePep440(formatCalver(a), formatCalver(b));
  return comparePeriods(a.period, b.period) || compareCounters(a, b) || compareModifiers(a.modifier, b.modifier);
}
function isCalverPrerelease(version) {
  return version.modifier !== null && !isPostRelease(version.modifier);
}
function isPostRelease(modifier) {
  return modifier.spelling === "pep440" && modifier.id === "post";
}
function describeModifier(version) {
  const modifier = version.modifier;
  if (modifier === null || isPostRelease(modifier)) return "";
  return modifier.spelling === "pep440" ? `${modifier.id}${modifier.number}` : `${modifier.id}.${modifier.number}`;
}
function isSemverCompatible(text) {
  return import_semver.default.valid(text, { loose: false }) !== null && /^\d/.test(text) && text.trim() === text;
}
function isModifierId(text) {
  return WHOLE_MODIFIER_ID.test(text);
}
function formatCalverPeriod(format, period) {
  return writeSegments(makeVersion(format, period, {}, null), true);
}
function makeVersion(format, period, counters, modifier) {
  return { format, period, counters, modifier };
}
function buildPattern(format) {
  const numbers = format.segments.filter((s) => s.token !== "MODIFIER");
  const write = ({ separator, token }) => {
    const pattern = isCounterToken(token) ? COUNTER_PATTERN : TOKEN_SPECS[token].pattern;
    return `${separator === "" ? "" : `\\${separator}`}(${pattern})`;
  };
  const starts = [...format.optional, numbers.length];
  let optional = "";
  for (let i = format.optional.length - 1; i >= 0; i--) {
    optional = `(?:${numbers.slice(starts[i], starts[i + 1]).map(write).join("")}${optional})?`;
  }
  const required = numbers.slice(0, starts[0]).map(write).join("");
  const modifier = format.style === "pep440" ? "(.*)" : format.modifier ? `${MODIFIER_PATTERN}?` : "";
  return new RegExp(`^${required}${optional}${modifier}$`);
}
function readModifier(groups) {
  const spellings = ["dotted", "dashed", "glued"];
  for (const [index, spelling] of spellings.entries()) {
    const id = groups[index * 2];
    const number = groups[index * 2 + 1];
    if (id !== void 0 && number !== void 0) return { id, number: Number(number), spelling };
  }
  return null;
}
function writeModifier(modifier) {
  if (modifier === null) return "";
  switch (modifier.spelling) {
    case "pep440":
      return writePep440Suffix({ kind: modifier.id, number: modifier.number });
    case "dotted":
      return `-${modifier.id}.${modifier.number}`;
    case "dashed":
      return `-${modifier.id}${modifier.number}`;
    case "glued":
      return `${modifier.id}${modifier.number}`;
  }
}
function writeSegments(version, periodOnly) {
  let text = "";
  const end = countWritten(version);
  for (const [index, { separator, token }] of version.format.segments.entries()) {
    if (token === "MODIFIER" || index >= end) continue;
    if (isCounterToken(token)) {
      if (periodOnly) break;
      text += separator + String(version.counters[token]);
    } else {
      text += separator + TOKEN_SPECS[token].write(readField(version.period, TOKEN_SPECS[token].field));
    }
  }
  return text;
}
function countWritten(version) {
  const { segments, optional } = version.format;
  let end = segments.length;
  for (let i = optional.length - 1; i >= 0; i--) {
    const start = optional[i];
    const zero = segments.slice(start, end).every(({ token }) => !isCounterToken(token) || (version.counters[token] ?? 0) === 0);
    if (!zero) break;
    end = start;
  }
  return end;
}
function compareCounters(a, b) {
  for (const counter of a.format.counters) {
    const difference = (a.counters[counter] ?? 0) - (b.counters[counter] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
function compareModifiers(a, b) {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const rank = (MODIFIER_RANK.get(a.id) ?? 0) - (MODIFIER_RANK.get(b.id) ?? 0);
  if (rank !== 0) return rank;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.number - b.number;
}

// src/versions/calver/next.ts
function nextCalver(format, previous, today, bump, options) {
  if (bump === "none") throw new Error("nextCalver: a bump of none releases nothing; the caller decides that before asking for a version");
  if (previous !== null && (previous.format.text !== format.text || previous.format.style !== format.style)) {
    throw new Error(`nextCalver: previous ${formatCalver(previous)} is not a version of ${format.text}`);
  }
  const modifierId = options.modifier === void 0 ? null : checkModifierId(format, options.modifier);
  const origin = options.origin ? [{ kind: "format-origin", ...options.origin }] : [];
  const next = decideNext(format, previous, today, bump, options, modifierId);
  const free = skipTaken(format, next, options.taken ?? []);
  if (previous !== null && compareCalver(free.version, previous) <= 0) {
    throw new Error(`nextCalver: ${formatCalver(free.version)} does not sort above ${formatCalver(previous)}`);
  }
  return { ...free, reasons: [...origin, ...free.reasons] };
}
function decideNext(format, previous, today, bump, options, modifierId) {
  if (options.post) return makePostRelease(format, previous, modifierId);
  const todayPeriod = readTodayPeriod(format, today);
  if (previous !== null && comparePeriods(todayPeriod, previous.period) < 0) {
    const todayText = `${writeReleaseDate(today)} (period ${formatCalverPeriod(format, todayPeriod)})`;
    const previousText = `${formatCalver(previous)} (period ${formatCalverPeriod(format, previous.period)})`;
    throw new VersoError("ECALVER", `The release date ${todayText} is earlier than the previous release ${previousText}.`, {
      hint: "verso never releases a lower version. Check the runner clock, --date or SOURCE_DATE_EPOCH."
    });
  }
  const pending = options.final === "prerelease-period" ? findPendingPrerelease(previous, options.taken ?? []) : null;
  if (pending !== null) return finishInItsPeriod(format, pending, todayPeriod, bump, options, modifierId);
  if (previous === null) {
    return {
      version: makeVersion(
        format,
        todayPeriod,
        startCounters(format, options.counterStart ?? 0),
        startModifier(format, modifierId, options)
      ),
      change: { kind: "first" },
      reasons: [{ kind: "first-release", period: formatCalverPeriod(format, todayPeriod), counters: format.counters }]
    };
  }
  const previousPeriod = formatCalverPeriod(format, previous.period);
  const period = options.date === "release" || bump === "major" ? todayPeriod : previous.period;
  const moved = comparePeriods(period, previous.period) !== 0;
  const step = moved ? moveToPeriod(format, previous, period, modifierId, options) : stepInPeriod(format, previous, bump, options, modifierId);
  const reasons = [...explainDateRule(format, options, bump, previousPeriod, moved), ...step.reasons];
  if (modifierId !== null && step.change.kind !== "modifier") reasons.push(explainPrereleaseStart(step.version, modifierId));
  return { version: step.version, change: step.change, reasons };
}
function explainPrereleaseStart(version, id) {
  const base = makeVersion(version.format, version.period, version.counters, null);
  return { kind: "prerelease-start", id, number: version.modifier?.number ?? 0, base: formatCalver(base) };
}
function findPendingPrerelease(previous, taken) {
  if (previous !== null && isCalverPrerelease(previous)) return previous;
  const released = new Set(taken.flatMap((v) => isCalverPrerelease(v) ? [] : [formatCalver(baseOf(v))]));
  let pending = null;
  for (const version of taken) {
    if (!isCalverPrerelease(version) || pending !== null && compareCalver(version, pending) <= 0) continue;
    const base = baseOf(version);
    if ((previous === null || compareCalver(base, previous) > 0) && !released.has(formatCalver(base))) pending = version;
  }
  return pending;
}
function finishInItsPeriod(format, pending, todayPeriod, bump, options, modifierId) {
  const step = stepInPeriod(format, pending, bump, options, modifierId);
  const reasons = comparePeriods(todayPeriod, pending.period) === 0 ? [] : [{ kind: "prerelease-period", prerelease: formatCalver(pending), period: formatCalverPeriod(format, pending.period) }];
  reasons.push(...step.reasons);
  if (modifierId !== null && step.change.kind !== "modifier") reasons.push(explainPrereleaseStart(step.version, modifierId));
  return { version: step.version, change: step.change, reasons };
}
function makePostRelease(format, previous, modifierId) {
  if (format.style !== "pep440") {
    throw new VersoError("ECALVER", `A post-release (bump: post) is PEP 440's, and calver-format ${format.text} is written SemVer-style.`, {
      hint: "Set version-style: pep440 to release 24.1.post1 after 24.1."
    });
  }
  if (modifierId !== null) {
    throw new VersoError("ECALVER", `A post-release (bump: post) is a final release, and this one is a "${modifierId}" prerelease.`, {
      hint: "Make post-releases where stable releases are made (no prerelease channel)."
    });
  }
  if (previous === null) {
    throw new VersoError("ECALVER", "There is no release yet to make a post-release (bump: post) of.", {
      hint: "bump: post releases the last release again with .postN (24.1 \u2192 24.1.post1): release a version first."
    });
  }
  const previousText = formatCalver(previous);
  if (isCalverPrerelease(previous)) {
    throw new VersoError(
      "ECALVER",
      `The last release ${previousText} is a prerelease: a post-release (bump: post) follows a final release.`,
      {
        hint: `Release the final ${formatCalver(baseOf(previous))} first, or release the next prerelease.`
      }
    );
  }
  const number = previous.modifier === null ? 1 : previous.modifier.number + 1;
  return {
    version: makeVersion(format, previous.period, previous.counters, { id: "post", number, spelling: "pep440" }),
    change: { kind: "post" },
    reasons: [{ kind: "post-release", previous: previousText, number }]
  };
}
function skipTaken(format, next, taken) {
  if (taken.length === 0) return next;
  const tagged = new Set(taken.map(identify));
  const skipped = [];
  let version = next.version;
  while (tagged.has(identify(version))) {
    const following = followVersion(format, version, next.change);
    if (following === null) break;
    skipped.push(formatCalver(version));
    version = following;
  }
  if (skipped.length === 0) return next;
  return { version, change: next.change, reasons: [...next.reasons, { kind: "tag-taken", taken: skipped, next: formatCalver(version) }] };
}
function identify(version) {
  const { modifier } = version;
  return formatCalver(makeVersion(version.format, version.period, version.counters, modifier && { ...modifier, spelling: "dotted" }));
}
function followVersion(format, version, change) {
  const { modifier } = version;
  if (modifier !== null) return makeVersion(format, version.period, version.counters, { ...modifier, number: modifier.number + 1 });
  const counter = change.kind === "counter" ? change.counter : format.counters.at(-1) ?? null;
  return counter === null ? null : makeVersion(format, version.period, incrementCounter(format, version.counters, counter), null);
}
function baseOf(version) {
  return makeVersion(version.format, version.period, version.counters, null);
}
function readTodayPeriod(format, today) {
  if (Number.isNaN(today.getTime())) {
    throw new VersoError("ECALVER", "The release date is not a valid date.", {
      hint: "Pass --date as YYYY-MM-DD, or SOURCE_DATE_EPOCH as seconds since 1970."
    });
  }
  const period = readPeriod(format, today);
  if (period.year > 9999) {
    const message = `The release date ${writeReleaseDate(today)} is in the year ${period.year}, past 9999, the last year a CalVer version writes.`;
    throw new VersoError("ECALVER", message, {
      hint: "The clock is wrong, or the release date was set so: set SOURCE_DATE_EPOCH to seconds since 1970 (e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or pass --date YYYY-MM-DD to the CLI."
    });
  }
  if (!isWritableYear(format, period.year)) {
    const short = format.segments.find(({ token }) => token === "YY" || token === "0Y");
    throw new VersoError("ECALVER", `The release date ${writeReleaseDate(today)} cannot be written in calver-format ${format.text}.`, {
      hint: short === void 0 ? "YYYY writes the years 1000 to 9999. Check the clock, --date or SOURCE_DATE_EPOCH." : `${short.token} counts years from 2000 (2006 is ${short.token === "YY" ? "6" : "06"}). Use YYYY for earlier years, or check the clock, --date or SOURCE_DATE_EPOCH.`
    });
  }
  return period;
}
function checkModifierId(format, id) {
  if (format.style === "pep440") return requirePep440Stage(id);
  if (!format.modifier) {
    throw new VersoError("ECALVER", `calver-format ${format.text} has no MODIFIER, so it cannot release a "${id}" prerelease.`, {
      hint: `End the format with -MODIFIER (${format.text}-MODIFIER) to release versions such as ${format.text}-${id}.0.`
    });
  }
  if (!isModifierId(id)) {
    throw new VersoError("ECALVER", `The modifier "${id}" is not a modifier id.`, {
      hint: "Use lower-case letters and digits, starting and ending with a letter: dev, alpha, beta or rc."
    });
  }
  return id;
}
function explainDateRule(format, options, bump, previousPeriod, moved) {
  if (options.date === "major") {
    if (bump !== "major") return [{ kind: "date-held", period: previousPeriod }];
    if (moved) return [{ kind: "breaking-moves-date" }];
    return [{ kind: "breaking-not-shown", why: "same-period", period: previousPeriod }];
  }
  if (bump !== "major") return [];
  if (options.counters === "calendar") return [{ kind: "breaking-not-shown", why: "calendar-bump" }];
  if (!format.counters.includes("MAJOR")) return [{ kind: "breaking-not-shown", why: "no-major", format: format.text }];
  return [];
}
function moveToPeriod(format, previous, period, modifierId, options) {
  const from = formatCalverPeriod(format, previous.period);
  const to = formatCalverPeriod(format, period);
  return {
    version: makeVersion(format, period, startCounters(format, options.counterStart ?? 0), startModifier(format, modifierId, options)),
    change: { kind: "period", from, to },
    reasons: [{ kind: "period-moved", from, to, counters: format.counters }]
  };
}
function stepInPeriod(format, previous, bump, options, modifierId) {
  const slot = options.counters === "commits" ? chooseCounter(format, bump) : { counter: format.counters.at(-1) ?? null, fallback: null };
  const base = makeVersion(format, previous.period, previous.counters, null);
  if (previous.modifier !== null && !isPostRelease(previous.modifier) && (options.counters === "calendar" || holdsBump(previous, slot.counter))) {
    return continuePrerelease(previous, previous.modifier, base, modifierId, options);
  }
  const previousText = formatCalver(previous);
  const period = formatCalverPeriod(format, previous.period);
  if (slot.counter === null) {
    const example = format.text.replace(/(-MODIFIER)?$/, ".MICRO$1");
    throw new VersoError("ECALVER", `A second release in period ${period} needs a MICRO in calver-format (e.g. ${example}).`, {
      hint: `${previousText} is already released, and ${format.text} has no counter to tell another release apart.`
    });
  }
  const counters = incrementCounter(format, previous.counters, slot.counter);
  const move = {
    kind: "counter-moved",
    period,
    previous: previousText,
    counter: slot.counter,
    from: previous.counters[slot.counter] ?? 0,
    to: counters[slot.counter] ?? 0,
    resets: format.counters.slice(format.counters.indexOf(slot.counter) + 1)
  };
  return {
    version: makeVersion(format, previous.period, counters, startModifier(format, modifierId, options)),
    change: { kind: "counter", counter: slot.counter },
    reasons: slot.fallback === null ? [move] : [slot.fallback, move]
  };
}
function chooseCounter(format, bump) {
  const wanted = bump === "major" ? "MAJOR" : bump === "minor" ? "MINOR" : "MICRO";
  const at = COUNTER_TOKENS.indexOf(wanted);
  const order = [...COUNTER_TOKENS.slice(at), ...COUNTER_TOKENS.slice(0, at).reverse()];
  const counter = order.find((c) => format.counters.includes(c)) ?? null;
  const fallback = counter === null || counter === wanted || bump === "major" ? null : { kind: "counter-fallback", bump, wanted, counter, format: format.text };
  return { counter, fallback };
}
function holdsBump(previous, counter) {
  if (counter === null) return true;
  const after = COUNTER_TOKENS.slice(COUNTER_TOKENS.indexOf(counter) + 1);
  return after.every((c) => (previous.counters[c] ?? 0) === 0);
}
function continuePrerelease(previous, modifier, base, modifierId, options) {
  const previousText = formatCalver(previous);
  const baseText = formatCalver(base);
  if (modifierId === null) {
    return { version: base, change: { kind: "final" }, reasons: [{ kind: "prerelease-final", previous: previousText, base: baseText }] };
  }
  const started = startModifier(base.format, modifierId, options);
  const version = makeVersion(
    base.format,
    base.period,
    base.counters,
    modifierId === modifier.id ? { ...started, number: modifier.number + 1 } : started
  );
  if (compareCalver(version, previous) <= 0) {
    const order = base.format.style === "pep440" ? ".devN < aN < bN < rcN < final" : "dev < alpha < beta < rc < final";
    throw new VersoError("ECALVER", `${formatCalver(version)} would sort below the previous release ${previousText}.`, {
      hint: `Modifiers order ${order}. Release ${modifier.id} again, a later stage, or the final ${baseText}.`
    });
  }
  const number = version.modifier?.number ?? 0;
  const reason = modifierId === modifier.id ? { kind: "prerelease-next", previous: previousText, base: baseText, id: modifierId, from: modifier.number, to: number } : { kind: "prerelease-switch", previous: previousText, base: baseText, previousId: modifier.id, id: modifierId, number };
  return { version, change: { kind: "modifier", id: modifierId }, reasons: [reason] };
}
function startModifier(format, id, options) {
  if (id === null) return null;
  return { id, number: options.modifierStart ?? 0, spelling: format.style === "pep440" ? "pep440" : "dotted" };
}
function startCounters(format, start) {
  return Object.fromEntries(format.counters.map((c, i) => [c, i === 0 ? start : 0]));
}
function incrementCounter(format, counters, counter) {
  const at = COUNTER_TOKENS.indexOf(counter);
  return Object.fromEntries(
    format.counters.map((c) => {
      const index = COUNTER_TOKENS.indexOf(c);
      return [c, index < at ? counters[c] ?? 0 : index === at ? (counters[c] ?? 0) + 1 : 0];
    })
  );
}
function writeReleaseDate(date) {
  const instant = date.toISOString();
  return instant.endsWith("T00:00:00.000Z") ? instant.slice(0, -"T00:00:00.000Z".length) : instant;
}

// src/versions/scheme.ts
function parseVersion(scheme, text) {
  if (scheme.kind === "semver") {
    if (scheme.style === "pep440") {
      const value3 = parsePep440Semver(text);
      return value3 && { kind: "semver", value: value3, style: "pep440" };
    }
    const value2 = parseSemver(text);
    return value2 && { kind: "semver", value: value2 };
  }
  const value = parseCalver(scheme.format, text);
  return value && { kind: "calver", value };
}
function compareVersions(a, b) {
  if (a.kind === "semver" && b.kind === "semver") {
    return a.style === "pep440" || b.style === "pep440" ? comparePep440(formatVersion(a), formatVersion(b)) : compareSemver(a.value, b.value);
  }
  if (a.kind === "calver" && b.kind === "calver") return compareCalver(a.value, b.value);
  throw new Error("compareVersions: versions of two schemes");
}
function channelOf(version) {
  if (version.kind === "calver") return isCalverPrerelease(version.value) ? version.value.modifier.id : null;
  const first = version.value.prerelease[0];
  return first === void 0 ? null : String(first);
}
function styleOf(scheme) {
  return scheme.kind === "semver" ? scheme.style : scheme.format.style;
}
function sameChannel(scheme, released, line) {
  if (released === line) return true;
  if (released === null || line === null || styleOf(scheme) !== "pep440") return false;
  const stage = readPep440Stage(line);
  return stage !== null && stage === readPep440Stage(released);
}
function isPrerelease(version) {
  return version.kind === "semver" ? version.value.prerelease.length > 0 : isCalverPrerelease(version.value);
}
function formatVersion(version) {
  if (version.kind === "calver") return formatCalver(version.value);
  if (version.style === "pep440") return writePep440Semver(version.value);
  return version.value.build.length ? `${version.value.version}+${version.value.build.join(".")}` : version.value.version;
}
function nextVersion(scheme, input) {
  if (scheme.kind === "semver") {
    if (input.post && scheme.style !== "pep440") {
      throw new VersoError("EVERSION", "A post-release (bump: post) is PEP 440's, and these versions are written as SemVer.", {
        hint: "Set version-style: pep440 to release 1.4.0.post1 after 1.4.0, or force major, minor or patch."
      });
    }
    return scheme.style === "pep440" ? nextPep440Version(scheme, input) : nextSemverVersion(scheme, input);
  }
  const previous = input.base?.kind === "calver" ? input.base.value : null;
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? void 0,
    counterStart: scheme.counterStart,
    modifierStart: input.prereleaseStart ?? 0,
    final: scheme.final,
    post: input.post ?? false,
    // A version already tagged elsewhere (another branch, a withdrawn release) is skipped, as SemVer's prereleases are.
    taken: input.taken.flatMap((v) => v.kind === "calver" ? [v.value] : []),
    origin: scheme.origin
  });
  const reasons = next.reasons.map((reason) => ({ kind: "calver", reason }));
  const text = formatCalver(next.version);
  if (!isSemverCompatible(text)) reasons.push({ kind: "not-semver", version: text });
  return { version: { kind: "calver", value: next.version }, reasons };
}
function nextSemverVersion(scheme, input) {
  const next = nextSemver({
    base: semverOf(input.base),
    stable: semverOf(input.stable),
    bump: input.bump,
    initialVersion: scheme.initialVersion,
    prerelease: input.prerelease,
    prereleaseStart: input.prereleaseStart ?? 0,
    taken: input.taken.flatMap((v) => v.kind === "semver" ? [v.value] : [])
  });
  return {
    version: { kind: "semver", value: next.version },
    reasons: next.reasons,
    ...next.below ? { below: { kind: "semver", value: next.below } } : {}
  };
}
function nextPep440Version(scheme, input) {
  const taken = input.taken.filter((v) => v.kind === "semver");
  const version = input.post ? nextPostRelease(input, taken) : pep440Of(
    nextSemver({
      base: semverOf(input.base),
      stable: semverOf(input.stable),
      bump: input.bump,
      initialVersion: scheme.initialVersion,
      prerelease: input.prerelease === null ? null : requirePep440Stage(input.prerelease),
      prereleaseStart: input.prereleaseStart ?? 0,
      taken: taken.map((v) => v.value)
    }).version
  );
  const reasons = [];
  const text = formatVersion(version);
  if (!isSemverCompatible(text)) reasons.push({ kind: "not-semver", version: text });
  const below = input.base !== null && !input.post && compareVersions(version, input.base) <= 0 ? input.base : null;
  return { version, reasons, ...below ? { below } : {} };
}
function nextPostRelease(input, taken) {
  if (input.prerelease !== null) {
    throw new VersoError(
      "EVERSION",
      `A post-release (bump: post) is a final release, and this one is a "${input.prerelease}" prerelease.`,
      {
        hint: "Make post-releases where stable releases are made (no prerelease channel)."
      }
    );
  }
  const stable = semverOf(input.stable);
  if (stable === null) {
    throw new VersoError("EVERSION", "There is no release yet to make a post-release (bump: post) of.", {
      hint: "bump: post releases the last release again with .postN (1.4.0 \u2192 1.4.0.post1): release a version first."
    });
  }
  const core = `${stable.major}.${stable.minor}.${stable.patch}`;
  let number = stable.build[0] === "post" ? Number(stable.build[1]) + 1 : 1;
  const make = (n) => pep440Of(new import_semver2.default.SemVer(`${core}+post.${n}`));
  while (taken.some((v) => compareVersions(v, make(number)) === 0)) number++;
  return make(number);
}
function semverOf(version) {
  return version?.kind === "semver" ? version.value : null;
}
function pep440Of(value) {
  return { kind: "semver", value, style: "pep440" };
}
function describeParts(version) {
  if (version.kind === "semver") {
    const { major, minor, patch, prerelease: prerelease2 } = version.value;
    const pre = version.style === "pep440" ? prerelease2.join("") : prerelease2.join(".");
    return { major: String(major), minor: String(minor), patch: String(patch), prerelease: pre };
  }
  const prerelease = describeModifier(version.value);
  const text = formatCalver(version.value);
  const numbers = isSemverCompatible(text) ? import_semver2.default.parse(text) : null;
  return numbers ? { major: String(numbers.major), minor: String(numbers.minor), patch: String(numbers.patch), prerelease } : { major: "", minor: "", patch: "", prerelease };
}

export {
  NO_SIGNING,
  gitSigning,
  withSigning,
  readRemoteTag,
  readRemoteTags,
  readLocalTag,
  readTaggerEmail,
  isAncestor,
  fetchTag,
  createAnnotatedTag,
  pushTag,
  summarizeGitOutput,
  parseVersion,
  compareVersions,
  channelOf,
  sameChannel,
  isPrerelease,
  formatVersion,
  nextVersion,
  describeParts
};

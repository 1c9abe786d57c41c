import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/files.ts
import { constants } from "node:fs";
import { lstat, mkdir, open, realpath } from "node:fs/promises";
import { dirname, isAbsolute, matchesGlob, posix, relative, resolve, sep } from "node:path";
async function readWorktreeFile(root, path) {
  const target = await locateInside(root, path);
  let file;
  try {
    file = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw refusedOrRethrown(error, path);
  }
  try {
    if (!(await file.stat()).isFile()) throw unsafe(path, "is not a regular file");
    return await file.readFile("utf8");
  } finally {
    await file.close();
  }
}
async function writeWorktreeFile(root, path, text) {
  const target = await locateInside(root, path);
  await mkdir(dirname(target), { recursive: true });
  await locateInside(root, path);
  let file;
  try {
    file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
  } catch (error) {
    throw refusedOrRethrown(error, path);
  }
  try {
    await file.writeFile(text);
  } finally {
    await file.close();
  }
}
async function locateInside(root, path) {
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (inside === "" || leavesFolder(inside) || inGitFolder(inside)) throw unsafe(path, "is not a file inside the repository");
  const realRoot = await realpath(root).catch((error) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (realRoot === null) return target;
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const real = await realpath(folder).catch((error) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw error;
    });
    if (real === null) continue;
    const within = relative(realRoot, real);
    if (leavesFolder(within) || inGitFolder(within)) throw unsafe(path, "leads outside the repository through a symbolic link");
    break;
  }
  const stats = await lstat(target).catch(() => null);
  if (stats?.isSymbolicLink()) throw unsafe(path, "is a symbolic link");
  return target;
}
async function isReallyInside(top, path) {
  const [realTop, real] = await Promise.all([realpath(top).catch(() => null), realpath(path).catch(() => null)]);
  return realTop === null || real === null || !leavesFolder(relative(realTop, real));
}
function leavesFolder(inside) {
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}
function inGitFolder(inside) {
  return inside.split(sep).some((part) => part.toLowerCase() === ".git");
}
function unsafe(path, why) {
  return new VersoError("EUNSAFEPATH", `${path} ${why}: verso reads and writes only regular files inside the repository.`, {
    hint: "Commit the file itself in place of a link, or point the setting at a file inside the repository."
  });
}
function refusedOrRethrown(error, path) {
  return error.code === "ELOOP" ? unsafe(path, "is a symbolic link") : error;
}
async function listFiles(git, at, globs) {
  const matches = (path) => path !== "" && globs.some((glob) => matchesGlob(path, glob));
  if (at === null) {
    const out = await git.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
    return [...new Set(out.split("\0").filter(matches))].sort();
  }
  const entries = await listTree(git, at, []);
  return [...entries.keys()].filter(matches).sort();
}
async function listTree(git, at, paths) {
  const args = ["ls-tree", "-r", "-z", "--end-of-options", at, ...paths.length ? ["--", ...paths] : []];
  const literal = { env: { GIT_LITERAL_PATHSPECS: "1" } };
  const out = paths.length ? await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${at}^{tree}`]).then(
    () => git.run(args, literal),
    () => ""
  ) : await git.run(args, literal);
  const files = /* @__PURE__ */ new Map();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("	");
    if (tab === -1) continue;
    const [mode, type, object] = record.slice(0, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755") && object) files.set(record.slice(tab + 1), object);
  }
  return files;
}
async function readFilesAt(git, at, paths) {
  if (paths.length === 0) return /* @__PURE__ */ new Map();
  checkPaths(paths);
  const named = new Map(paths.map((path) => [path, posix.normalize(path)]));
  return readObjects(git, await listTree(git, at, [...new Set(named.values())]), named);
}
async function readMatchingFilesAt(git, at, globs, paths) {
  checkPaths(paths);
  const tree = await listTree(git, at, []);
  const matching = [...tree.keys()].filter((path) => globs.some((glob) => matchesGlob(path, glob))).sort();
  const named = new Map([
    ...paths.map((path) => [path, posix.normalize(path)]),
    ...matching.map((path) => [path, path])
  ]);
  return { matching, texts: await readObjects(git, tree, named) };
}
function checkPaths(paths) {
  const bad = paths.find((p) => /[\n\r]/.test(p));
  if (bad !== void 0) {
    throw new VersoError("EGIT", `Cannot read ${JSON.stringify(bad)} from git: a path with a line break.`, { hint: "Rename the file." });
  }
}
async function readObjects(git, tree, named) {
  const texts = /* @__PURE__ */ new Map();
  const wanted = [...named.keys()].filter((path) => tree.has(named.get(path)));
  if (wanted.length === 0) return texts;
  await prefetchBlobs(
    git,
    wanted.map((path) => tree.get(named.get(path)))
  );
  const out = await git.runBuffer(["cat-file", "--batch"], { input: wanted.map((path) => `${tree.get(named.get(path))}
`).join("") });
  let offset = 0;
  for (const path of wanted) {
    const end = out.indexOf(10, offset);
    const header = out.subarray(offset, end).toString("utf8");
    offset = end + 1;
    if (header.endsWith(" missing")) continue;
    const size = Number(header.split(" ")[2]);
    texts.set(path, out.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return texts;
}
async function prefetchBlobs(git, oids) {
  const promisor = await git.tryRun(["config", "--get", "remote.origin.promisor"]);
  if (promisor.code !== 0 || promisor.stdout.trim() !== "true") return;
  await git.tryRun([
    "-c",
    "fetch.negotiationAlgorithm=noop",
    "fetch",
    "--no-tags",
    "--quiet",
    "--no-write-fetch-head",
    "--filter=blob:none",
    "origin",
    ...new Set(oids)
  ]);
}

// src/git/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, open as open2, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var GitError = class extends VersoError {
  args;
  exitCode;
  stderr;
  constructor(args, exitCode, stderr) {
    super("EGIT", `git ${subcommand(args)} failed (exit ${exitCode}): ${stderr.trim() || "no message"}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
var GIT_ENV = { GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_FLUSH: "0", LC_ALL: "C" };
var MAX_BUFFER = 1 << 30;
function createGit(cwd, env = process.env) {
  const fullEnv = { ...env, ...GIT_ENV };
  const tryRun = (args) => new Promise((resolve2, reject) => {
    execFile("git", args, { cwd, env: fullEnv, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(spawnFailure(error, cwd));
        return;
      }
      resolve2({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
  const runBuffer = (args, options) => new Promise((resolve2, reject) => {
    const env2 = options?.env ? { ...fullEnv, ...options.env } : fullEnv;
    const child = execFile("git", args, { cwd, env: env2, maxBuffer: MAX_BUFFER, encoding: "buffer" }, (error, stdout, stderr) => {
      if (!error) resolve2(stdout);
      else if (typeof error.code === "number") reject(new GitError(args, error.code, stderr.toString("utf8")));
      else reject(spawnFailure(error, cwd));
    });
    if (options?.input !== void 0) child.stdin?.end(options.input);
  });
  return {
    cwd,
    tryRun,
    runBuffer,
    run: async (args, options) => (await runBuffer(args, options)).toString("utf8"),
    stream: (args) => streamGit(cwd, fullEnv, args)
  };
}
function subcommand(args) {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
}
function spawnFailure(error, cwd) {
  if (error.code === "ENOENT" && !existsSync(cwd)) {
    return new VersoError("EUSAGE", `The directory ${cwd} does not exist.`, {
      hint: "Check working-directory (--working-directory): it is relative to the workspace."
    });
  }
  if (error.code === "ENOENT") {
    return new VersoError("EGIT", "git is not installed or not on the PATH.", {
      hint: "Install git (actions/checkout needs it too) and run verso again."
    });
  }
  return new VersoError("EGIT", `Could not run git: ${error.message}`, { cause: error });
}
async function* streamGit(cwd, env, args) {
  const dir = await mkdtemp(join(tmpdir(), "verso-git-"));
  try {
    const path = join(dir, "stdout");
    const out = await open2(path, "w");
    const stderr = [];
    const code = await new Promise((resolve2, reject) => {
      const child = spawn("git", args, { cwd, env, stdio: ["ignore", out.fd, "pipe"] });
      child.stderr.on("data", (chunk) => stderr.push(chunk));
      child.on("error", (error) => reject(spawnFailure(error, cwd)));
      child.on("close", (exit) => resolve2(exit ?? 1));
    }).finally(() => out.close());
    if (code !== 0) throw new GitError(args, code, Buffer.concat(stderr).toString("utf8"));
    const input = await open2(path, "r");
    try {
      for (let read = 1; read > 0; ) {
        const buffer = Buffer.allocUnsafe(1 << 22);
        read = (await input.read(buffer, 0, buffer.length, null)).bytesRead;
        if (read > 0) yield buffer.subarray(0, read);
      }
    } finally {
      await input.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/git/signing.ts
import { execFile as execFile2 } from "node:child_process";
import { chmod, mkdtemp as mkdtemp2, rm as rm2, writeFile } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";
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
  const dir = await mkdtemp2(join2(request.tempRoot ?? (process.env.RUNNER_TEMP || tmpdir2()), "verso-signing-"));
  try {
    await chmod(dir, 448);
    const signing = request.kind === "ssh" ? await prepareSsh(dir, key, request.log) : await prepareGpg(dir, key, request.log);
    await probe(git, signing);
    return await use(signing);
  } finally {
    if (request.kind === "gpg") await run("gpgconf", ["--homedir", dir, "--kill", "gpg-agent"]).catch(() => {
    });
    await rm2(dir, { recursive: true, force: true });
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
  const keyFile = join2(dir, "key");
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
  const publicFile = join2(dir, "key.pub");
  await writeFile(publicFile, derived.stdout, { mode: 384, flag: "wx" });
  const fingerprint = await run("ssh-keygen", ["-l", "-f", publicFile]);
  if (fingerprint.code === 0) log(`Signing with the SSH key ${fingerprint.stdout.trim().split(" ").slice(1).join(" ")}.`);
  return { kind: "ssh", keyFile };
}
async function prepareGpg(home, key, log) {
  await writeFile(join2(home, "gpg.conf"), "batch\nno-tty\npinentry-mode loopback\n", { mode: 384 });
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
  return new Promise((resolve2, reject) => {
    const child = execFile2(command, args, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (!error) resolve2({ code: 0, stdout, stderr });
      else if (typeof error.code === "number") resolve2({ code: error.code, stdout, stderr });
      else if (error.code === "ENOENT") resolve2({ code: "missing", stdout, stderr });
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

export {
  readWorktreeFile,
  writeWorktreeFile,
  isReallyInside,
  listFiles,
  readFilesAt,
  readMatchingFilesAt,
  GitError,
  createGit,
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
  summarizeGitOutput
};

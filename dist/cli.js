#!/usr/bin/env node
import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  artifactVersion,
  createGather,
  loadConfig,
  neutralizeCommands,
  neutralizeCommandsInJson,
  resolveNow
} from "./chunks/chunk-VZRUPF6Y.js";
import {
  listFiles,
  readWorktreeFile,
  writeWorktreeFile
} from "./chunks/chunk-ZHM2QSYW.js";
import {
  createGit
} from "./chunks/chunk-CIVBDLHN.js";
import {
  checkReleaseImage,
  gatherLine,
  lineFor,
  planRelease
} from "./chunks/chunk-JOPL25WO.js";
import "./chunks/chunk-ABD755OP.js";
import {
  OPTION_NAMES
} from "./chunks/chunk-W43AL7B6.js";
import "./chunks/chunk-VG4D5XZV.js";
import "./chunks/chunk-QWN2I4DH.js";
import {
  renderImageJson,
  renderPlanJson,
  renderPlanText,
  renderReleaseText,
  writePlanJson
} from "./chunks/chunk-D5YPD3VC.js";
import "./chunks/chunk-UG2JSR42.js";
import "./chunks/chunk-ZYHF6ZOA.js";
import "./chunks/chunk-4523AZVS.js";
import "./chunks/chunk-UJXGWLN7.js";
import {
  VersoError,
  describeError,
  tokenForms
} from "./chunks/chunk-QIVDBRGE.js";
import "./chunks/chunk-3GUUJDMH.js";
import "./chunks/chunk-G27QDBJF.js";
import "./chunks/chunk-QSZWMMJ6.js";
import "./chunks/chunk-IXE7RTMW.js";

// src/cli/main.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var BOOLEAN_OPTIONS = /* @__PURE__ */ new Set(["strict", "dry-run", "draft", "comment", "snapshot-versions"]);
var USAGE = `Usage: verso <command> [options]

Commands:
  plan          decide the next version from the commits since the last release (default)
  release       plan, then tag, push and publish the GitHub Release (a dry run unless CI
                is set or --no-dry-run is given; GITHUB_TOKEN and GITHUB_REPOSITORY for the
                GitHub Release)
  check         validate the branch's commits (and --title) and predict the release a merge
                into --base would make, as the pull-request check does
  lint-commit <file|->
                validate one commit message (a commit-msg hook: lint-commit "$1")
  rollback --to <version>
                make that release the latest again: floating tags move back to it, newer
                releases get a note that they were rolled back (a dry run unless CI is set
                or --no-dry-run is given; GITHUB_TOKEN and GITHUB_REPOSITORY)
  artifacts     the versioned artifacts (release-image documents) the next release ships,
                with their extended versions (2.5.0-pkg.1.17.0+account); --json
  image check   check the release image against the last release (writes it when new)
  image set     write today's release image (after a release, or to record a change)
  image status  show what the check would say, without failing
  help          show this text (also --help, -h); --version (-V) prints the version

Options (the action's input names; .github/verso.yml holds the same keys):
${OPTION_NAMES.map((n) => BOOLEAN_OPTIONS.has(n) ? `  --${n}, --no-${n}` : `  --${n} <value>`).join("\n")}
  --json      print the result as JSON (shapes documented in the README)
  --notes     plan: print the release notes as well
  --date YYYY-MM-DD
              the release date for CalVer (UTC); else SOURCE_DATE_EPOCH, else today
  --verbose   list every commit and the tags that were ignored
  --base <ref>, --title <text>
              for check: the branch a merge goes into (default: origin/HEAD's branch, else main), the title

Exit status: 0 success (plan: the plan was made, whatever it says); 1 check or release
found the release blocked, image check found the image incomplete, or verso failed;
2 the command line or the configuration is invalid.
`;
async function main(argv, terminal) {
  let io = inert(terminal, false);
  try {
    const line = parseCommandLine(argv);
    io = inert(terminal, line.json);
    if (line.command === "help") {
      io.stdout(USAGE);
      return 0;
    }
    if (line.command === "version") {
      io.stdout(`verso ${"0.0.0"}
`);
      return 0;
    }
    const root = resolve(io.cwd, String(line.given["working-directory"] ?? "."));
    const given = line.command === "rollback" ? { ...line.given, mode: "rollback", ...line.to ? { "rollback-to": line.to } : {} } : line.given;
    const config = await loadConfig(
      given,
      (path) => readWorktreeFile(root, path),
      (globs) => listFiles(createGit(root, io.env), null, globs)
    );
    if (line.command === "lint-commit") return await runLintCommit(config, line, io);
    const git = createGit(root, io.env);
    const gather = createGather(git, config);
    if (line.command === "check") return await runCheck(gather, config, line, io);
    if (line.command === "plan") return await runPlan(gather, config, line, io);
    if (line.command === "release") return await runReleaseCommand(git, gather, config, line, io);
    if (line.command === "rollback") return await runRollbackCommand(git, gather, config, line, io);
    if (line.command === "artifacts") return await runArtifacts(gather, config, line, io);
    return await runImage(git, gather, config, line, io);
  } catch (error) {
    io.stderr(`verso: ${describeError(error)}
`);
    return error instanceof VersoError && ["EUSAGE", "EINVALIDCONFIG", "EIMAGE", "EUNSAFEPATH"].includes(error.code) ? 2 : 1;
  }
}
function inert(io, json) {
  const secrets = [io.env.GITHUB_TOKEN, io.env.GH_TOKEN].filter((token) => Boolean(token && token.length >= 8));
  const forms = secrets.flatMap(tokenForms);
  const redact = (text) => forms.reduce((out, form) => out.split(form).join("***"), text);
  return {
    ...io,
    stdout: (text) => io.stdout(redact(json ? neutralizeCommandsInJson(text) : neutralizeCommands(text))),
    stderr: (text) => io.stderr(redact(neutralizeCommands(text)))
  };
}
async function runPlan(gather, config, line, io) {
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: /* @__PURE__ */ new Date() });
  if (config.packages) return runPackagesPlan(gather, { ...config, packages: config.packages }, now, line, io);
  const branchLine = await gatherLine(gather, config, cliHints(io.env), "local");
  const { plan, fetched } = await planRelease(gather, config, now, { line: branchLine });
  for (const step of fetched) io.stderr(`verso: shallow clone: ${step}
`);
  if (line.verbose && plan.ignoredTags.length) io.stderr(`verso: tags that are not versions here: ${plan.ignoredTags.join(", ")}
`);
  const build = buildVersionOf(config, plan, branchLine.status.kind === "releases", io.env);
  for (const note of build?.notes ?? []) io.stderr(`verso: ${note}
`);
  if (line.json) for (const piece of writePlanJson(plan, { buildVersion: build?.version ?? null })) io.stdout(piece);
  else io.stdout(`${renderPlanText(plan, { verbose: line.verbose })}${build ? `build version: ${build.version}
` : ""}`);
  if (line.notes && !line.json) {
    const { renderNotes } = await import("./chunks/release-notes-ZM2NLGVL.js");
    const { readGitHubEnvironment } = await import("./chunks/environment-GYDYYTAT.js");
    io.stdout(`
${renderNotes(plan, { repositoryUrl: readGitHubEnvironment(io.env).repositoryUrl })}`);
  }
  return 0;
}
async function runPackagesPlan(gather, config, now, line, io) {
  const [{ planPackages }, { renderPackagesJson, renderPackagesText }] = await Promise.all([
    import("./chunks/packages-PSCSXWID.js"),
    import("./chunks/packages-VBD6S52B.js")
  ]);
  const where = await gather.branch(cliHints(io.env), "local");
  const plan = await planPackages({ gather, config, now, where, resume: false });
  for (const step of plan.fetched) io.stderr(`verso: shallow clone: ${step}
`);
  io.stdout(line.json ? renderPackagesJson(plan) : renderPackagesText(plan, { verbose: line.verbose }));
  return 0;
}
async function runCheck(gather, config, line, io) {
  const [{ checkPullRequest }, { renderPullRequestReport }, { renderNotes, PREVIEW_LIMIT }, { renderProblem }] = await Promise.all([
    import("./chunks/pr-check-JQNLSKDV.js"),
    import("./chunks/pr-comment-WAZFOLGQ.js"),
    import("./chunks/release-notes-ZM2NLGVL.js"),
    import("./chunks/validate-FF6LV27Q.js")
  ]);
  const headSha = await gather.commitOf("HEAD") ?? (await gather.history()).head;
  const remoteDefault = line.base === void 0 ? await gather.remoteDefaultBranch() : null;
  const base = line.base ?? (remoteDefault ? `origin/${remoteDefault}` : "main");
  const baseSha = await gather.commitOf(base);
  if (baseSha === null) {
    throw new VersoError("EUSAGE", `--base ${base} is not a branch or commit here.`, {
      hint: "Name the branch the pull request goes into, e.g. --base origin/main."
    });
  }
  const title = line.title ?? "";
  const local = {
    ...config,
    check: { ...config.check, validate: title ? config.check.validate : "commits", mergeStyle: title ? config.check.mergeStyle : "merge" }
  };
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: /* @__PURE__ */ new Date() });
  const baseBranch = base.replace(/^(?:refs\/remotes\/)?origin\//, "").replace(/^refs\/heads\//, "");
  const baseLine = lineFor(config, baseBranch, remoteDefault ?? await gather.remoteDefaultBranch());
  const check = await checkPullRequest(gather, local, now, { number: 0, title, baseSha, baseRef: base, headSha, fork: false }, baseLine);
  if (line.json) {
    const { errors, warnings } = check;
    const json = {
      valid: errors.length === 0,
      errors: errors.map(renderProblem),
      warnings: warnings.map(renderProblem),
      plan: JSON.parse(renderPlanJson(check.plan))
    };
    io.stdout(`${JSON.stringify(json, null, 2)}
`);
  } else {
    const notes = check.plan.kind === "none" ? "" : renderNotes(check.plan, { repositoryUrl: null, maxLength: PREVIEW_LIMIT });
    io.stdout(renderPullRequestReport(check, notes).split("\n").slice(1).join("\n"));
  }
  return check.errors.length || check.plan.kind === "blocked" ? 1 : 0;
}
async function runLintCommit(config, line, io) {
  const { DEFAULT_TYPES, renderProblem, validateMessage } = await import("./chunks/validate-FF6LV27Q.js");
  if (line.file === void 0)
    throw new VersoError("EUSAGE", "lint-commit needs the message file (or - for standard input).", {
      hint: 'As a commit-msg hook: verso lint-commit "$1".'
    });
  const message = line.file === "-" ? await readStdin() : await readFile(resolve(io.cwd, line.file), "utf8").catch((error) => {
    throw new VersoError("EUSAGE", `Cannot read the message file ${line.file} (${error.code ?? error.message}).`, {
      hint: 'As a commit-msg hook: verso lint-commit "$1"; or - for standard input.'
    });
  });
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES;
  const problems = validateMessage(message, { types, subject: { kind: "message" } });
  for (const problem of problems) io.stderr(`verso: ${renderProblem(problem)}
`);
  return problems.length ? 1 : 0;
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
async function runReleaseCommand(git, gather, config, line, io) {
  const [{ runRelease }, { connectGitHub, readGitHubEnvironment }, { readEvent }] = await Promise.all([
    import("./chunks/release-66H3PUOD.js"),
    import("./chunks/environment-GYDYYTAT.js"),
    import("./chunks/event-N7KCVIYC.js")
  ]);
  const github = readGitHubEnvironment(io.env);
  const unasked = line.given["dry-run"] === void 0 && io.env.CI !== "true";
  const request = {
    git,
    gather,
    config,
    now: resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: /* @__PURE__ */ new Date() }),
    hints: { ...cliHints(io.env), eventDefaultBranch: (await readEvent(io.env)).defaultBranch },
    dryRun: unasked || config.release.dryRun,
    // In CI a release was asked for: a branch that cannot be told must not pass quietly.
    requireBranch: io.env.CI === "true",
    repositoryUrl: github.repositoryUrl,
    connect: () => {
      const api = connectGitHub(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? "", github, (m) => io.stderr(`verso: ${m}
`));
      if (!api) io.stderr("verso: GITHUB_TOKEN or GITHUB_REPOSITORY is not set: no GitHub Release will be created, only the tag.\n");
      return api;
    },
    log: (text) => io.stdout(`${text}
`)
  };
  if (config.packages) {
    const [{ runPackagesRelease }, { renderPackagesText }] = await Promise.all([
      import("./chunks/packages-PSCSXWID.js"),
      import("./chunks/packages-VBD6S52B.js")
    ]);
    const run2 = await runPackagesRelease({ ...request, config: { ...config, packages: config.packages } });
    io.stdout(renderPackagesText(run2.plan, { verbose: false }));
    for (const p of run2.packages) {
      const said = renderReleaseText({ plan: p.plan, fetched: [], resumed: false, notes: p.notes, result: p.result }, { unasked });
      if (said.trim()) io.stdout(`
${p.name}:${said}`);
    }
    return run2.packages.some((p) => p.plan.kind === "blocked") ? 1 : 0;
  }
  const run = await runRelease(request);
  io.stdout(renderPlanText(run.plan, { verbose: false }));
  io.stdout(renderReleaseText(run, { unasked }));
  return run.plan.kind === "blocked" ? 1 : 0;
}
async function runArtifacts(gather, config, line, io) {
  const { packageNameFor, planArtifacts } = await import("./chunks/artifacts-4BF7ROZW.js");
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: /* @__PURE__ */ new Date() });
  const branchLine = await gatherLine(gather, config, cliHints(io.env), "local");
  const { plan } = await planRelease(gather, config, now, { line: branchLine });
  const name = packageNameFor(await gather.worktreeFile("package.json"), io.env.GITHUB_REPOSITORY);
  const artifacts = planArtifacts(plan, name);
  for (const doc of artifacts.unversioned) io.stderr(`verso: ${doc}: its history tag is not a version, so it has no extended version
`);
  if (line.json) io.stdout(`${JSON.stringify(artifacts.list, null, 2)}
`);
  else if (artifacts.list.length === 0)
    io.stdout(
      plan.kind !== "release" ? "No artifacts: the plan releases nothing.\n" : config.image ? "No artifacts: the release image has no documents.\n" : "No artifacts: set `schemas` for the release image, whose documents are the artifacts.\n"
    );
  else for (const a of artifacts.list) io.stdout(`${a.name}  ${a.version}  ${a.extended}
`);
  return 0;
}
async function runRollbackCommand(git, gather, config, line, io) {
  const [{ runRollback }, { renderRollbackText }, { connectGitHub, readGitHubEnvironment }] = await Promise.all([
    import("./chunks/rollback-OBP5JWZ6.js"),
    import("./chunks/rollback-VZGAHL4F.js"),
    import("./chunks/environment-GYDYYTAT.js")
  ]);
  const to = config.rollbackTo ?? "";
  const unasked = line.given["dry-run"] === void 0 && io.env.CI !== "true";
  const github = readGitHubEnvironment(io.env);
  const run = await runRollback({
    git,
    gather,
    config,
    to,
    dryRun: unasked || config.release.dryRun,
    connect: () => connectGitHub(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? "", github, (m) => io.stderr(`verso: ${m}
`)),
    log: (text) => io.stdout(`${text}
`)
  });
  io.stdout(renderRollbackText(run));
  if (run.kind === "dry-run" && unasked) io.stdout("(A dry run: not in CI; --no-dry-run changes the releases.)\n");
  return 0;
}
async function runImage(git, gather, config, line, io) {
  const { renderImageCheck } = await import("./chunks/image-TO62NDUG.js");
  const setting = line.command === "image set";
  const { check, image } = await checkReleaseImage(gather, config, { checkWorktreeImage: !setting });
  const write = setting || line.command === "image check" && check.outcome === "created";
  if (write) await writeWorktreeFile(git.cwd, image.file, check.imageText);
  if (line.json) io.stdout(renderImageJson(check, { file: image.file, written: write }));
  else if (setting) {
    const documents = check.imageText.split("\n").filter(Boolean).length;
    io.stdout(`Release image: wrote ${image.file} (${documents} document${documents === 1 ? "" : "s"}). Commit it.
`);
  } else io.stdout(renderImageCheck(check, { imageFile: image.file, written: write }));
  return line.command === "image check" && check.outcome === "incomplete" ? 1 : 0;
}
function buildVersionOf(config, plan, releases, env) {
  if (config.artifacts.buildMetadata === "none" && !config.artifacts.snapshots) return null;
  return artifactVersion({
    plan,
    config,
    releasing: plan.kind === "release" && releases,
    where: { kind: "branch" },
    sha: plan.head,
    runNumber: env.GITHUB_RUN_NUMBER || null
  });
}
function cliHints(env) {
  return { githubRef: env.GITHUB_REF, ciCommitBranch: env.CI_COMMIT_BRANCH, eventDefaultBranch: null };
}
function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: BOOLEAN_OPTIONS.has(n) ? "boolean" : "string" }])),
        json: { type: "boolean" },
        notes: { type: "boolean" },
        date: { type: "string" },
        base: { type: "string" },
        title: { type: "string" },
        to: { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" }
      }
    });
  } catch (error) {
    throw new VersoError("EUSAGE", error.message, { hint: "Run `verso help` for the options." });
  }
  const given = {};
  for (const name of OPTION_NAMES) {
    const value = parsed.values[name];
    if (value !== void 0) given[name] = String(value);
  }
  const common = {
    given,
    json: parsed.values.json === true,
    notes: parsed.values.notes === true,
    verbose: parsed.values.verbose === true,
    date: parsed.values.date,
    base: parsed.values.base,
    title: parsed.values.title,
    to: parsed.values.to
  };
  if (parsed.values.help) return { command: "help", file: void 0, ...common };
  if (parsed.values.version) return { command: "version", file: void 0, ...common };
  const [first, ...rest] = parsed.positionals;
  if (first === "lint-commit") {
    if (rest.length > 1)
      throw new VersoError("EUSAGE", `Unexpected argument \`${rest[1]}\`.`, {
        hint: "lint-commit takes one file, or - for standard input."
      });
    return { command: "lint-commit", file: rest[0], ...common };
  }
  return { command: readCommand(parsed.positionals), file: void 0, ...common };
}
function readCommand(positionals) {
  const [first = "plan", second, ...rest] = positionals;
  const words = first === "image" ? 2 : 1;
  const command = first === "image" ? `image ${second ?? ""}` : first;
  const extra = [second, ...rest].slice(words - 1).filter((w) => w !== void 0);
  if (command !== "plan" && command !== "release" && command !== "rollback" && command !== "artifacts" && command !== "check" && command !== "help" && command !== "image check" && command !== "image set" && command !== "image status") {
    throw new VersoError(
      "EUSAGE",
      first === "image" ? `\`image\` takes check, set or status${second ? `, not \`${second}\`` : ""}.` : `Unknown command \`${first}\`.`,
      {
        hint: "Run `verso help` for the commands."
      }
    );
  }
  if (extra.length) throw new VersoError("EUSAGE", `Unexpected argument \`${extra[0]}\`.`, { hint: "Options take the form --name value." });
  return command;
}

// src/cli/index.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
});

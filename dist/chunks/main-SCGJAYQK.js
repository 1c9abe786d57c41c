import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  artifactVersion,
  loadConfig,
  neutralizeCommands,
  readGitHubEnvironment,
  resolveNow
} from "./chunk-4XQ4TNXA.js";
import {
  resolveMode,
  runRelease
} from "./chunk-U2MY6XPI.js";
import {
  createGather
} from "./chunk-TJ5YNXCT.js";
import "./chunk-JO5MNEX4.js";
import "./chunk-6SHZNJZH.js";
import {
  briefWhy,
  packagesReleases
} from "./chunk-U54OGVZW.js";
import "./chunk-RMAAJUBL.js";
import {
  renderPlanSummary,
  renderReleaseResult
} from "./chunk-5AAX7NRC.js";
import "./chunk-Y7TX2PNF.js";
import {
  describeLine
} from "./chunk-ODAAM37D.js";
import {
  describeFinding,
  describeReason,
  explainBump,
  shortSha
} from "./chunk-XEWIFGC5.js";
import {
  describeLatestMove,
  publishedOutput,
  renderPublishSummary
} from "./chunk-DBTZGFGY.js";
import {
  createNpm,
  npmCommand
} from "./chunk-4DQIALLB.js";
import {
  packageNameFor,
  planArtifacts
} from "./chunk-CR4DGGOJ.js";
import {
  checkPullRequest
} from "./chunk-KLBV4E4U.js";
import "./chunk-CFJ5KQBI.js";
import {
  gatherLine,
  lineFor,
  planRelease
} from "./chunk-SN7RSUOQ.js";
import "./chunk-LK73LO5H.js";
import "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import {
  ANNOTATION_LIMIT,
  COMMENT_LIMIT,
  SUMMARY_LIMIT_BYTES,
  clip,
  fitBytes,
  fitText
} from "./chunk-OIMHAFPS.js";
import {
  renderProblem
} from "./chunk-UUB7T2DM.js";
import "./chunk-CKOUWFXA.js";
import {
  isReallyInside,
  listFiles,
  readWorktreeFile
} from "./chunk-LHPEVOM6.js";
import {
  createGit
} from "./chunk-FHD5WZQQ.js";
import {
  DEFAULTS,
  OPTION_NAMES
} from "./chunk-OTYTKX5U.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import {
  readEvent
} from "./chunk-3T2PLYOS.js";
import {
  PREVIEW_LIMIT,
  RELEASE_BODY_LIMIT,
  renderInline,
  renderNotes
} from "./chunk-ML7ZROJ3.js";
import {
  VersoError,
  describeError,
  tokenForms
} from "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step2(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step2(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step2(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step2((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/action/main.ts
import { relative, resolve } from "node:path";

// src/github/sticky-comment.ts
var COMMENT_MARKER = "<!-- verso:pull-request-check -->";
async function upsertComment(api, issue2, body) {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}
${body}`;
  const written = writtenBy(await api.authenticatedAs());
  for await (const comment2 of api.listIssueComments(issue2)) {
    if (!comment2.body.startsWith(COMMENT_MARKER) || !written(comment2)) continue;
    if (comment2.body === text) return { kind: "unchanged", url: comment2.url };
    const updated = await api.updateIssueComment(comment2.id, text);
    return { kind: "updated", url: updated.url };
  }
  const created = await api.createIssueComment(issue2, text);
  return { kind: "created", url: created.url };
}
function writtenBy(identity) {
  if (identity.kind === "user") return (comment2) => comment2.author === identity.login;
  return (comment2) => comment2.authorIsBot;
}

// src/report/outputs.ts
var MAX_PROBLEMS = 100;
var NOTHING_RELEASED = {
  version: "",
  "version-core": "",
  "build-metadata": "",
  snapshot: "false",
  "previous-version": "",
  tag: "",
  "previous-tag": "",
  bump: "none",
  released: "false",
  major: "",
  minor: "",
  patch: "",
  prerelease: "",
  "image-status": "",
  "image-required-bump": "",
  sha: "",
  "release-id": "",
  "release-url": "",
  notes: "",
  valid: "",
  problems: "[]",
  releases: "[]",
  "released-packages": "[]",
  artifacts: "[]",
  published: "[]",
  "pull-request-number": "",
  "pull-request-url": ""
};
function planOutputs(plan, notes = "", artifact = null) {
  const next = plan.kind === "release" ? plan.next : null;
  const parts = plan.kind === "release" ? plan.standing.parts : null;
  return {
    ...NOTHING_RELEASED,
    version: artifact?.version ?? next?.version ?? "",
    "version-core": artifact?.core ?? next?.version ?? "",
    "build-metadata": artifact?.metadata ?? "",
    snapshot: String(artifact?.snapshot != null),
    "previous-version": plan.previous?.version ?? "",
    tag: next?.tag ?? "",
    "previous-tag": plan.previous?.tag ?? "",
    bump: plan.kind === "release" ? plan.bump : "none",
    major: parts?.major ?? "",
    minor: parts?.minor ?? "",
    patch: parts?.patch ?? "",
    prerelease: parts?.prerelease ?? "",
    "image-status": plan.image?.outcome ?? "",
    "image-required-bump": plan.image?.bump.bump ?? "",
    notes: plan.kind === "release" ? notes : ""
  };
}
function releaseOutputs(run2, artifact = null) {
  const planned = planOutputs(run2.plan, run2.notes, artifact);
  if (run2.result.kind === "pull-request") return { ...planned, ...pullRequestOutputs(run2.result.outcome) };
  if (run2.result.kind !== "applied") return planned;
  const { outcome } = run2.result;
  if (outcome.kind === "superseded") return planned;
  return {
    ...planned,
    released: "true",
    sha: outcome.sha,
    "release-id": outcome.release ? String(outcome.release.id) : "",
    "release-url": outcome.release?.url ?? "",
    ...pullRequestOutputs(run2.result.pullRequest ?? null)
  };
}
function pullRequestOutputs(outcomes) {
  const list = outcomes === null ? [] : "kind" in outcomes ? [outcomes] : outcomes;
  const open = list.flatMap((o) => o.kind === "opened" || o.kind === "updated" || o.kind === "unchanged" ? [o.pullRequest] : []);
  return { "pull-request-number": open.map((pr) => String(pr.number)).join(" "), "pull-request-url": open.map((pr) => pr.url).join(" ") };
}
function checkOutputs(check, notes, artifact = null) {
  const problems = [...check.errors, ...check.warnings].slice(0, MAX_PROBLEMS).map(describeProblem);
  return { ...planOutputs(check.plan, "", artifact), notes, valid: String(check.errors.length === 0), problems: JSON.stringify(problems) };
}
function describeProblem(problem) {
  const { subject, header, code, message, example } = problem;
  return {
    commit: subject.kind === "commit" ? subject.sha : null,
    title: subject.kind === "title",
    header: clip(header),
    code,
    message: clip(message, 1e3),
    example: example === null ? null : clip(example)
  };
}

// src/report/pr-comment.ts
function renderPullRequestReport(check, notes, artifact = null) {
  const { plan } = check;
  const lines = [COMMENT_MARKER, `### verso: ${headline(check)}`, "", inline(explainBump(plan)), ""];
  const line = describeLine(plan.line);
  if (line) lines.push(`> ${inline(`The base branch: ${line}`)}`, "");
  for (const reason of plan.reasons) lines.push(`> ${inline(describeReason(reason))}`, "");
  if (artifact?.snapshot)
    lines.push(`Builds of this pull request are versioned \`${artifact.version}\` (a snapshot: it sorts below the release).`, "");
  if (check.mergeStyle === "squash") lines.push("_Squash merge: the title is the commit that lands on the base branch._", "");
  if (plan.kind === "blocked") {
    const findings = plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`);
    const more = plan.findings.length > MAX_LISTED ? [`- \u2026 and ${plan.findings.length - MAX_LISTED} more (the job's annotations list them all)`] : [];
    lines.push("**The release would be blocked:**", "", ...findings, ...more, "");
  }
  lines.push(...validation(check));
  if (plan.kind !== "none" && plan.next)
    lines.push("<details><summary>Release notes preview</summary>", "", notes.trim(), "", "</details>", "");
  return finish(lines, check);
}
function renderPackagesPullRequestReport(check, packages) {
  const code = (text) => `\`${text.replace(/`/g, "'")}\``;
  const releasing = packages.plans.flatMap((p) => p.plan.kind === "release" ? [code(p.plan.next.tag)] : []);
  const blocked = packages.plans.filter((p) => p.plan.kind === "blocked");
  const head = releasing.length ? `merging this releases ${releasing.join(", ")}` : "merging this releases no package";
  const lines = [COMMENT_MARKER, `### verso: ${head}${blocked.length ? `; ${blocked.length} blocked` : ""}`, ""];
  lines.push("| package | current | next | bump | why |", "|---|---|---|---|---|");
  for (const p of packages.plans) {
    const { plan } = p;
    const cells = [plan.previous?.version ?? "\u2014", plan.next?.version ?? "\u2014", plan.kind === "release" ? plan.bump : "\u2014", briefWhy(plan)];
    lines.push(`| ${[code(p.pkg.spec.name), ...cells.map((c) => inline(c))].map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  }
  lines.push("");
  for (const p of blocked) {
    if (p.plan.kind !== "blocked") continue;
    lines.push(
      `**${code(p.pkg.spec.name)}: the release would be blocked:**`,
      "",
      ...p.plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`),
      ""
    );
  }
  for (const p of packages.plans) {
    if (p.plan.kind === "none") continue;
    const detail = [inline(explainBump(p.plan)), ...p.plan.reasons.map((r) => `> ${inline(describeReason(r))}`)];
    lines.push(`<details><summary>${inline(p.pkg.spec.name)}</summary>`, "", detail.join("\n\n"), "", "</details>", "");
  }
  if (check.mergeStyle === "squash")
    lines.push(
      "_Squash merge: the title is the commit that lands on the base branch; this prediction counts the pull request's commits, each for the packages whose files it changes._",
      ""
    );
  lines.push(...validation(check));
  return finish(lines, check);
}
function validation(check) {
  const lines = [];
  if (check.errors.length) lines.push("**To fix before merging:**", "", ...listed(check.errors, ":x:"), "");
  if (check.warnings.length) lines.push("**Worth a look:**", "", ...listed(check.warnings, ":warning:"), "");
  return lines;
}
function finish(lines, check) {
  const footer = `<sub>For ${shortSha(check.pr.headSha)}; updated on every push.</sub>
`;
  const body = fitText(
    quiet(`${lines.join("\n")}
`),
    COMMENT_LIMIT - footer.length - 100,
    "the job's summary and annotations have the rest"
  );
  return `${body}${footer}`;
}
function inline(text) {
  return renderInline(text, () => null).markdown;
}
function quiet(markdown) {
  let fence = 0;
  const quieted = markdown.replace(/\\`|(`+)|@(?=[A-Za-z0-9])/g, (match, ticks) => {
    if (ticks !== void 0) fence = fence === 0 ? ticks.length : fence === ticks.length ? 0 : fence;
    return match === "@" && fence === 0 ? "@\u200B" : match;
  });
  return quieted.replace(/\[([^\][\n]*)\]\(\s*(?:javascript|vbscript|data):[^)\n]*\)/gi, "$1");
}
var MAX_LISTED = 50;
function listed(problems, mark) {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `- ${mark} ${inline(renderProblem(p))}`);
  return problems.length > MAX_LISTED ? [...lines, `- \u2026 and ${problems.length - MAX_LISTED} more (the job's annotations list them all)`] : lines;
}
function headline(check) {
  const { plan } = check;
  if (check.release && plan.kind === "release") return `the release pull request: merging it releases **${plan.next.tag}** (${plan.bump})`;
  if (check.release) return "the release pull request: merging it releases nothing any more (the next push closes it)";
  switch (plan.kind) {
    case "release":
      return `merging this releases **${plan.next.tag}** (${plan.bump})`;
    case "none":
      return "merging this releases nothing";
    case "blocked":
      return plan.next ? `merging this would release **${plan.next.tag}** (${plan.bump}), but the release would be blocked` : "merging this would be blocked";
  }
}

// src/action/main.ts
var log = {
  info: (message) => info(neutralizeCommands(message)),
  debug: (message) => debug(neutralizeCommands(message)),
  notice: (message, properties) => notice(inertAnnotation(message), properties),
  warning: (message, properties) => warning(inertAnnotation(message), properties),
  error: (message, properties) => error(inertAnnotation(message), properties),
  setFailed: (message) => setFailed(inertAnnotation(message))
};
function inertAnnotation(message) {
  return neutralizeCommands(clip(message, ANNOTATION_LIMIT));
}
function maskToken(token) {
  if (!token) return;
  for (const form of tokenForms(token)) setSecret(form);
}
function maskKey(key) {
  if (!key.trim()) return;
  setSecret(key);
  for (const line of key.split(/\r?\n/)) if (line.trim().length >= 8 && !line.startsWith("-----")) setSecret(line.trim());
}
async function run(env = process.env, firstReads = null) {
  setOutputs(NOTHING_RELEASED);
  const partial = { summary: [], steps: [] };
  try {
    maskToken(getInput("github-token"));
    for (const token2 of [env.NODE_AUTH_TOKEN, env.NPM_TOKEN]) if (token2) setSecret(token2);
    maskKey(getInput("signing-key"));
    const given = readInputs(env);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const root = resolve(workspace, String(given["working-directory"] ?? "."));
    checkWorkingDirectory(workspace, root);
    const config = await loadConfig(
      given,
      (path) => readWorktreeFile(root, path),
      (globs) => listFiles(createGit(root, env), null, globs)
    );
    const event = await readEvent(env);
    const mode = resolveMode(config.release.mode, event.name);
    const git = createGit(root, env, firstReads);
    const now = resolveNow({ sourceDateEpoch: env.SOURCE_DATE_EPOCH, now: /* @__PURE__ */ new Date() });
    const github = readGitHubEnvironment(env);
    let api;
    const client = mode === "plan" || mode === "check" && !event.pullRequest ? null : await import("./connection-5O2XXRX3.js");
    const token = getInput("github-token");
    const gather = createGather(git, config);
    const context = {
      git,
      gather,
      config,
      env,
      event,
      now,
      github,
      // One client a run: its look-ups (whom the token acts as) are asked once, however many steps ask for it.
      connect: () => {
        if (!client) throw new Error(`mode ${mode} does not talk to GitHub`);
        api ??= client.connectGitHub(token, github, (m) => log.warning(m));
        return api;
      },
      connectGitData: () => {
        if (!client) throw new Error(`mode ${mode} does not talk to GitHub`);
        return client.connectGitData(token, github, (m) => log.warning(m));
      },
      partial,
      root,
      workspace,
      packageName: packageNameFor(await gather.worktreeFile("package.json"), env.GITHUB_REPOSITORY),
      publish: {
        npm: (npmEnv) => createNpm({ command: npmCommand(npmEnv), env: npmEnv }),
        env,
        warn: (message) => log.warning(message),
        ...env.RUNNER_TEMP ? { tempRoot: env.RUNNER_TEMP } : {}
      }
    };
    const pr = mode === "check" ? event.pullRequest : null;
    const result = pr ? await checkMode(pr, context) : mode === "release" ? await releaseMode(context) : mode === "rollback" ? await rollbackMode(context) : await planMode(mode, context);
    setOutputs(result.outputs);
    if (result.failure) log.setFailed(result.failure);
    const summary2 = fitBytes(result.summary.join("\n"), SUMMARY_LIMIT_BYTES - 1024, "run `verso plan --verbose` for every commit");
    if (env.GITHUB_STEP_SUMMARY) await summary.addRaw(summary2).write();
  } catch (error2) {
    log.setFailed(describeError(error2));
    if (env.GITHUB_STEP_SUMMARY)
      await summary.addRaw(fitBytes(failureSummary(describeError(error2), partial), SUMMARY_LIMIT_BYTES - 1024, "the log has the rest")).write().catch(() => void 0);
  }
}
function failureSummary(error2, partial) {
  let longest = 0;
  for (const run2 of [error2, ...partial.steps].join("\n").matchAll(/`+/g)) longest = Math.max(longest, run2[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const done = partial.steps.length ? `### Done before the failure

${fence}text
${partial.steps.join("\n")}
${fence}

` : partial.summary.length ? "Nothing was pushed or published before the failure.\n\n" : "";
  const plan = partial.summary.length ? `A re-run of this job finishes what is left (a pushed tag is never pushed again, a published release never made twice).

${partial.summary.join("\n")}` : "";
  return `## verso failed

${fence}text
${error2}
${fence}

${done}${plan}`;
}
async function planMode(mode, context) {
  const { packages } = context.config;
  if (packages) return packagesMode(context, { ...context.config, packages }, { release: false });
  const line = await gatherLine(context.gather, context.config, branchHints(context), "local");
  const { plan, fetched } = await planRelease(context.gather, context.config, context.now, { line });
  const artifacts = planArtifacts(plan, context.packageName).list;
  const notes = plan.kind === "none" ? "" : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: RELEASE_BODY_LIMIT, artifacts });
  const failure = reportPlan(plan, fetched, context);
  const summary2 = [renderPlanSummary(plan)];
  if (plan.kind === "release") summary2.push(`Mode \`${mode}\`: nothing is released by this run.
`);
  if (notes) summary2.push("### Release notes\n", notes);
  const artifact = artifactOf(context, plan, {
    releasing: plan.kind === "release" && line.status.kind === "releases",
    where: { kind: "branch" }
  });
  return { outputs: { ...planOutputs(plan, notes, artifact), artifacts: JSON.stringify(artifacts) }, summary: summary2, failure };
}
async function packagesMode(context, config, options) {
  const [{ planPackages, runPackagesRelease }, report] = await Promise.all([import("./packages-7PQIABVB.js"), import("./packages-UEQMDTTR.js")]);
  const hints = branchHints(context);
  if (!options.release) {
    const where = await context.gather.branch(hints, "local");
    const plan = await planPackages({ gather: context.gather, config, now: context.now, where, resume: false });
    const failure2 = reportPackages(plan, context);
    return {
      outputs: { ...NOTHING_RELEASED, releases: report.packagesReleases(plan) },
      summary: [report.renderPackagesSummary(plan)],
      failure: failure2
    };
  }
  let failure = null;
  const run2 = await runPackagesRelease(
    {
      git: context.git,
      gather: context.gather,
      config,
      now: context.now,
      hints,
      dryRun: config.release.dryRun,
      requireBranch: false,
      repositoryUrl: context.github.repositoryUrl,
      connect: () => requireApi(context),
      pullRequests: () => requireApi(context),
      connectGitData: context.connectGitData,
      log: (line) => step(context, line),
      publish: context.publish,
      ...signingOf(context)
    },
    (plan) => {
      failure = reportPackages(plan, context);
      setOutputs({ ...NOTHING_RELEASED, releases: report.packagesReleases(plan) });
      context.partial.summary = [report.renderPackagesSummary(plan)];
    }
  );
  const summary2 = [
    report.renderPackagesSummary(run2.plan),
    report.renderPackagesResult(run2),
    run2.publish ? renderPublishSummary(run2.publish) : ""
  ].filter(Boolean);
  const outputs = {
    ...NOTHING_RELEASED,
    released: String(run2.packages.some((p) => p.result.kind === "applied" && p.result.outcome.kind === "released")),
    releases: report.packagesReleases(run2),
    "released-packages": report.releasedPackages(run2),
    published: publishedOutput(run2.publish),
    ...pullRequestOutputs(run2.pullRequests ?? [])
  };
  return { outputs, summary: summary2, failure };
}
function reportPackages(plan, context) {
  for (const step2 of plan.fetched) log.info(`shallow clone: ${step2}`);
  let blocked = 0;
  for (const { pkg, plan: own } of plan.plans) {
    log.info(
      `${pkg.spec.name}: ${own.kind === "release" ? `next version ${own.next.tag} (${own.bump})` : own.kind === "none" ? `no release (${own.reason})` : "blocked"}`
    );
    if (own.kind === "blocked") {
      blocked += own.findings.length;
      annotateFindings(own, context);
    }
  }
  return blocked ? `The release of some packages is blocked by ${blocked} problem(s); see the errors above.` : null;
}
function signingOf(context) {
  const key = getInput("signing-key");
  return { signingKey: key || null, ...context.env.RUNNER_TEMP ? { tempRoot: context.env.RUNNER_TEMP } : {} };
}
function requireApi(context) {
  const api = context.connect();
  if (!api) {
    throw new VersoError("EGITHUBAUTH", "github-token is empty, so no GitHub Release could be made: nothing was tagged.", {
      hint: "Leave `github-token` at its default (the workflow token) and grant `permissions: contents: write`, or pass a token."
    });
  }
  return api;
}
async function releaseMode(context) {
  const { config } = context;
  if (config.packages) return packagesMode(context, { ...config, packages: config.packages }, { release: true });
  let failure = null;
  const run2 = await runRelease({
    git: context.git,
    gather: context.gather,
    config,
    now: context.now,
    hints: branchHints(context),
    dryRun: config.release.dryRun,
    requireBranch: false,
    repositoryUrl: context.github.repositoryUrl,
    packageName: context.packageName,
    connect: () => requireApi(context),
    pullRequests: () => requireApi(context),
    connectGitData: context.connectGitData,
    log: (line) => step(context, line),
    publish: context.publish,
    ...signingOf(context),
    onPlanned: (planned) => {
      if (planned.resumed && planned.plan.kind === "release") {
        log.info(`HEAD is already tagged ${planned.plan.next.tag}: finishing that release (a re-run).`);
      }
      failure = reportPlan(planned.plan, planned.fetched, context);
      setOutputs(planOutputs(planned.plan, planned.notes));
      context.partial.summary = [renderPlanSummary(planned.plan)];
    }
  });
  const { plan, result } = run2;
  if (result.kind === "skipped") log.info(`Nothing released: ${result.why}.`);
  if (result.kind === "dry-run") log.info(`Dry run: would ${result.steps.join("; ")}.`);
  const summary2 = [renderPlanSummary(plan), renderReleaseResult(run2), run2.publish ? renderPublishSummary(run2.publish) : ""].filter(Boolean);
  if (run2.notes) summary2.push("### Release notes\n", run2.notes);
  const releasing = result.kind === "dry-run" || result.kind === "applied" && result.outcome.kind === "released";
  const artifact = artifactOf(context, plan, { releasing, where: { kind: "branch" } });
  const artifacts = JSON.stringify(planArtifacts(plan, context.packageName).list);
  return { outputs: { ...releaseOutputs(run2, artifact), artifacts, published: publishedOutput(run2.publish) }, summary: summary2, failure };
}
async function rollbackMode(context) {
  const [{ runRollback }, { renderRollbackSummary }] = await Promise.all([import("./rollback-HQA3F667.js"), import("./rollback-HGIA7VOG.js")]);
  const run2 = await runRollback({
    git: context.git,
    gather: context.gather,
    config: context.config,
    // resolveConfig refuses `mode: rollback` without it.
    to: context.config.rollbackTo ?? "",
    dryRun: context.config.release.dryRun,
    connect: () => context.connect(),
    log: (line) => step(context, line),
    publish: context.publish
  });
  const { target } = run2.plan;
  return {
    outputs: {
      ...NOTHING_RELEASED,
      version: target.version,
      "version-core": target.version,
      tag: target.tag,
      sha: target.sha,
      "release-id": String(target.release.id),
      "release-url": target.release.url
    },
    summary: [renderRollbackSummary(run2), ...run2.npm ? [`${describeLatestMove(run2.npm, run2.kind === "dry-run")}
`] : []],
    failure: null
  };
}
async function checkMode(pr, context) {
  const { config } = context;
  const check = await checkPullRequest(
    context.gather,
    config,
    context.now,
    pr,
    lineFor(config, pr.baseRef || null, context.event.defaultBranch)
  );
  const { plan } = check;
  const notes = plan.kind === "none" ? "" : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: PREVIEW_LIMIT });
  noticeNewImage(plan, context);
  for (const problem of check.errors) log.error(renderProblem(problem), { title: "verso" });
  for (const problem of check.warnings) log.warning(renderProblem(problem), { title: "verso" });
  if (plan.kind === "blocked" && !config.packages) annotateFindings(plan, context);
  const artifact = artifactOf(context, plan, {
    releasing: false,
    where: { kind: "pull-request", number: pr.number, ahead: check.ahead },
    sha: pr.headSha
  });
  const { packages } = config;
  const predicted = packages ? await predictPackages(pr, context, { ...config, packages }) : null;
  const report = predicted ? renderPackagesPullRequestReport(check, predicted) : renderPullRequestReport(check, notes, artifact);
  const summary2 = [report];
  if (check.release) summary2.push("> The release pull request: its description is the plan, so no comment was written.\n");
  else if (config.check.comment && config.release.dryRun) summary2.push("> Dry run: the pull request comment was not written.\n");
  else if (config.check.comment) summary2.push(await comment(pr, report, context));
  const blocked = predicted ? predicted.plans.reduce((n, p) => n + (p.plan.kind === "blocked" ? p.plan.findings.length : 0), 0) : plan.kind === "blocked" ? plan.findings.length : 0;
  const failures = check.errors.length + blocked;
  const outputs = predicted ? { ...checkOutputs(check, "", null), version: "", tag: "", bump: "none", notes: "", releases: packagesReleases(predicted) } : checkOutputs(check, notes, artifact);
  return {
    outputs,
    summary: summary2,
    failure: failures ? `The pull request check found ${failures} problem(s); see the errors above.` : null
  };
}
async function predictPackages(pr, context, config) {
  const { planPackages } = await import("./packages-7PQIABVB.js");
  const checkedOut = await context.gather.commitOf("HEAD");
  const head = checkedOut === null || checkedOut === pr.baseSha ? pr.headSha : checkedOut;
  const where = { branch: pr.baseRef || null, defaultBranch: context.event.defaultBranch };
  const plan = await planPackages({ gather: context.gather, config, now: context.now, where, head, resume: false });
  for (const p of plan.plans) if (p.plan.kind === "blocked") annotateFindings(p.plan, context);
  return plan;
}
function artifactOf(context, plan, options) {
  const artifact = artifactVersion({
    plan,
    config: context.config,
    releasing: options.releasing,
    where: options.where,
    sha: options.sha ?? plan.head,
    runNumber: context.env.GITHUB_RUN_NUMBER || null
  });
  for (const note of artifact?.notes ?? []) log.info(note);
  if (artifact && artifact.version !== plan.next?.version) log.info(`Build version: ${artifact.version}`);
  return artifact;
}
function step(context, line) {
  log.info(line);
  context.partial.steps.push(line);
}
function branchHints(context) {
  return {
    githubRef: context.env.GITHUB_REF,
    ciCommitBranch: context.env.CI_COMMIT_BRANCH,
    eventDefaultBranch: context.event.defaultBranch
  };
}
function reportPlan(plan, fetched, context) {
  for (const step2 of fetched) log.info(`shallow clone: ${step2}`);
  if (plan.ignoredTags.length) log.debug(`Tags that are not versions under this configuration: ${plan.ignoredTags.join(", ")}`);
  log.info(
    plan.kind === "release" ? `Next version: ${plan.next.tag} (${plan.bump})` : `No release: ${plan.kind === "none" ? plan.reason : "blocked"}`
  );
  noticeNewImage(plan, context);
  if (plan.kind !== "blocked") return null;
  annotateFindings(plan, context);
  return `The release is blocked by ${plan.findings.length} problem(s); see the errors above.`;
}
async function comment(pr, report, context) {
  const api = context.connect();
  if (!api) return "> :warning: No `github-token` (or no GITHUB_REPOSITORY): the pull request comment was not written.\n";
  try {
    const result = await upsertComment(api, pr.number, report);
    log.info(`Pull request comment ${result.kind}: ${result.url}`);
    return "";
  } catch (error2) {
    if (!(error2 instanceof VersoError) || !["EGITHUBPERMISSION", "EGITHUBAUTH"].includes(error2.code)) throw error2;
    const why = pr.fork ? "this pull request comes from a fork, and a fork's token is read-only" : "the token may not write to pull requests";
    log.warning(`Could not comment on the pull request: ${why}. The check itself is unaffected.`);
    return `> :warning: Could not comment on the pull request: ${why}. Grant \`pull-requests: write\` for pull requests from this repository; the report above is the same.
`;
  }
}
function noticeNewImage(plan, context) {
  const image = context.config.image;
  if (plan.image?.outcome !== "created" || !image) return;
  log.notice(
    `There is no release image yet: run \`verso image set\` and commit ${image.file}, so that later releases are checked against it.`,
    { file: image.file }
  );
}
function annotateFindings(plan, context) {
  for (const finding of plan.findings)
    log.error(describeFinding(finding), finding.kind === "image" ? annotation(finding.finding, context) : {});
}
function annotation(finding, context) {
  const file = relative(context.workspace, resolve(context.root, finding.file));
  return finding.line === null ? { file } : { file, startLine: finding.line };
}
function readInputs(env) {
  const given = {};
  for (const name of OPTION_NAMES) {
    const value = env[`INPUT_${name.toUpperCase()}`];
    if (value !== void 0 && value !== DEFAULTS[name]) given[name] = value;
  }
  return given;
}
function checkWorkingDirectory(workspace, root) {
  if (!isReallyInside(workspace, root)) {
    throw new VersoError(
      "EUNSAFEPATH",
      `working-directory ${relative(workspace, root)} leads outside the workspace through a symbolic link.`,
      {
        hint: "Name a folder of the repository itself, not one the checkout links elsewhere."
      }
    );
  }
}
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
export {
  run
};

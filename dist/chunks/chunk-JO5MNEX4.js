import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError,
  excerpt
} from "./chunk-QIVDBRGE.js";

// src/github/failures.ts
var ReleaseExistsError = class extends VersoError {
  tag;
  constructor(tag, cause) {
    super("ERELEASEEXISTS", `A GitHub Release for ${tag} already exists.`, {
      hint: "Update the existing release instead of creating it again.",
      cause
    });
    this.name = "ReleaseExistsError";
    this.tag = tag;
  }
};
function isHttpFailure(error) {
  return error instanceof Error && typeof error.status === "number";
}
function validationErrors(failure) {
  const data = failure.response?.data;
  const errors = typeof data === "object" && data !== null ? data.errors : void 0;
  return Array.isArray(errors) ? errors.filter((e) => typeof e === "object" && e !== null) : [];
}
var OUTAGE_HINT = "GitHub may be having trouble (https://www.githubstatus.com). Run the job again: verso finishes what a failed run started without doing anything twice.";
function explainFailure(error, intent, repository, redact) {
  if (error instanceof VersoError) return error;
  if (!isHttpFailure(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new VersoError("EGITHUB", `Could not ${intent.doing}: ${redact(reason)}`, { hint: OUTAGE_HINT, cause: error });
  }
  if (!error.response) {
    return new VersoError("EGITHUB", `Could not ${intent.doing}: GitHub could not be reached (${redact(error.message)}).`, {
      hint: "Check the network of the runner and the API URL (GITHUB_API_URL, https://HOST/api/v3 on GitHub Enterprise Server), then run the job again.",
      cause: error
    });
  }
  const said = redact(githubMessage(error));
  const answer = `GitHub answered ${error.status}${said ? ` "${said}"` : ""}`;
  const headers = error.response.headers;
  if (error.status === 401) {
    return new VersoError("EGITHUBAUTH", `Could not ${intent.doing}: the GitHub token is missing, invalid or expired (${answer}).`, {
      hint: `In a workflow, pass \`token: \${{ github.token }}\` (the default) or a token with \`${intent.permission}\`; for the CLI, set GITHUB_TOKEN.`,
      cause: error
    });
  }
  if (error.status === 429 || error.status === 403 && isRateLimit(error)) {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` after ${new Date(reset * 1e3).toISOString()}` : " in a few minutes";
    return new VersoError(
      "EGITHUBRATELIMIT",
      `Could not ${intent.doing}: GitHub's rate limit was hit and did not clear in time (${answer}).`,
      {
        hint: `Run the job again${when}. Many jobs sharing one token share its limit; a GitHub App token has a higher one.`,
        cause: error
      }
    );
  }
  if (error.status === 403 || error.status === 404) {
    const cause = error.status === 404 ? `${intent.missing}, or the token cannot see it` : "the token is not allowed to";
    return new VersoError("EGITHUBPERMISSION", `Could not ${intent.doing} in ${repository}: ${cause} (${answer}).`, {
      hint: `The token needs \`${intent.permission}\`: add it under \`permissions:\` in the workflow (for the job or the whole workflow). On pull requests from forks GitHub gives a read-only token whatever the workflow asks for; write from a workflow that runs in the base repository instead.`,
      cause: error
    });
  }
  if (error.status === 409 || error.status === 422) {
    const details = validationErrors(error).map((e) => {
      const what = [e.resource, e.field].filter(Boolean).join(".");
      return redact(`${what ? `${what}: ` : ""}${e.message ?? e.code ?? "invalid"}`);
    });
    return new VersoError("EGITHUB", `Could not ${intent.doing}: GitHub refused the request (${answer}).`, {
      details,
      hint: error.status === 409 ? "The repository changed meanwhile; run the job again." : intent.refused ?? "This is likely a bug in verso: please report it with this message.",
      cause: error
    });
  }
  return new VersoError("EGITHUB", `Could not ${intent.doing}: ${answer}.`, {
    ...error.status >= 500 && { hint: `GitHub kept failing after several attempts. ${OUTAGE_HINT}` },
    cause: error
  });
}
function unexpectedAnswer(intent, status, found, expected, redact) {
  return new VersoError(
    "EGITHUB",
    `Could not ${intent.doing}: GitHub answered ${status} with ${redact(found)}, which is not ${expected}.`,
    {
      hint: "Nothing should be assumed published: something between the runner and GitHub (a proxy, a gateway) may have answered in its place. Check the repository on GitHub, then run the job again: verso looks up what an earlier run made and does not make it twice."
    }
  );
}
function describeBody(data) {
  if (data === void 0 || data === "") return "an empty body";
  if (data === null) return "JSON `null`";
  if (typeof data === "string") {
    if (!/^\s*</.test(data)) return `text that is not JSON ("${excerpt(data)}")`;
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(data)?.[1]?.trim();
    return title ? `an HTML page ("${excerpt(title)}")` : "an HTML page";
  }
  if (data instanceof ArrayBuffer) return "a body that is not JSON";
  if (Array.isArray(data)) return "a JSON list";
  return typeof data === "object" ? "a JSON object" : "JSON that is not an object";
}
function githubMessage(error) {
  const data = error.response?.data;
  const message = typeof data === "object" && data !== null ? data.message : void 0;
  return typeof message === "string" ? message.split("\n")[0].trim() : "";
}
function isRateLimit(error) {
  const headers = error.response?.headers;
  return headers?.["x-ratelimit-remaining"] === "0" || headers?.["retry-after"] !== void 0 || /rate limit/i.test(githubMessage(error));
}

export {
  ReleaseExistsError,
  isHttpFailure,
  validationErrors,
  explainFailure,
  unexpectedAnswer,
  describeBody,
  githubMessage,
  isRateLimit
};

import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/report/publish.ts
function describeConflict(decision) {
  const { target } = decision;
  const what = `${decision.name ?? target.path}@${target.version}`;
  if (decision.kind !== "conflict") return `${what} can be published.`;
  const { problem } = decision;
  switch (problem.kind) {
    case "published-elsewhere": {
      const from = problem.gitHead ? `from commit ${problem.gitHead.slice(0, 7)}` : "with other contents";
      return `${what} is on ${decision.registry ?? "the registry"} already, published ${from}, not from ${target.sha.slice(0, 7)} (${target.tag}).`;
    }
    case "not-semver":
      return `${what}: npm takes SemVer versions only, and ${target.version} is not one (a CalVer format with \`0M\` or \`0D\` writes leading zeros).`;
    case "no-manifest":
      return `${target.path === "." ? "The repository" : target.path} has no package.json, so there is no npm package to publish.`;
    case "no-name":
      return `${manifestOf(target.path)} has no \`name\`, so npm cannot publish it.`;
    case "unreadable-manifest":
      return `${manifestOf(target.path)} is not valid JSON (${problem.error}), so npm cannot publish it.`;
    case "workspace-protocol": {
      const deps = problem.dependencies.map((d) => `\`${d}\``).join(", ");
      return `${what} depends on ${deps} by a \`workspace:\` range, which npm publishes as it is: nobody could install it.`;
    }
  }
}
function manifestOf(path) {
  return path === "." ? "package.json" : `${path}/package.json`;
}
function conflictHint(conflict) {
  const { problem, target } = conflict;
  const what = `${conflict.name ?? target.path}@${target.version}`;
  switch (problem.kind) {
    case "published-elsewhere":
      if (problem.here && problem.gitHead)
        return `${what} was published from ${problem.gitHead.slice(0, 7)}, a commit of this repository: tag it as that release (\`git tag -a ${target.tag} ${problem.gitHead} -m ${target.tag} && git push origin ${target.tag}\`), and the next run plans past it.`;
      return `A published version is never overwritten, and the next run plans ${target.version} again: release a higher version with \`bump\` set above this release's for one run (\`minor\` for a patch, \`major\` for a minor), and mark the stray version with \`npm deprecate ${what} "not a release of this repository"\`; or set \`publish: none\` for that package.`;
    case "workspace-protocol":
      return `Publish ${conflict.name ?? target.path} with pnpm's or yarn's own publish (they turn \`workspace:\` into versions), or write real version ranges in its package.json; or set \`publish: none\` for it.`;
    case "not-semver":
      return "Choose a CalVer format without `0M` or `0D` for a package published to npm, or set `publish: none` for it.";
    case "no-manifest":
    case "unreadable-manifest":
    case "no-name":
      return `Fix ${manifestOf(target.path)}, or set \`publish: none\` for that package.`;
  }
}
var SECRET_KINDS = {
  "env-file": "an environment file",
  "private-key": "a private key or certificate",
  "ssh-key": "an SSH key",
  credentials: "a file of credentials"
};
function describePublishWarning(warning) {
  switch (warning.kind) {
    case "secret-looking": {
      const files = warning.files.map((f) => `${f.path} (${SECRET_KINDS[f.kind]})`).join(", ");
      return `The tarball of ${warning.name} holds files that look like secrets: ${files}. Leave them out with \`files\` in package.json or an .npmignore, unless they are meant to be published.`;
    }
    case "provenance-unsupported":
      return `${warning.name} is published without provenance: ${describeObstacle(warning.obstacle)}.`;
    case "after-publish-failed":
      return `${warning.name}@${warning.version} is published, and npm failed after the upload (a \`postpublish\` script?): ${warning.error} Run what is left of that script by hand; the version itself is not published again.`;
    case "trusted-publishing-npm":
      return `No NODE_AUTH_TOKEN or NPM_TOKEN is set, so npm is to publish as a trusted publisher, which npm ${warning.npmVersion} cannot: it needs npm 11.5.1 or later (\`npm install -g npm@latest\` in a step before, or Node.js 24).`;
  }
}
function describeEarlierUnpublished(tag, sha, missing) {
  const what = missing.map(
    (m) => m.registry === null ? `whether npm has ${m.name ?? m.target.path}@${m.target.version} cannot be told from its package.json` : `${m.registry} has no ${m.name}@${m.target.version}`
  ).join("; ");
  return `${tag} is tagged without its GitHub Release, and ${what}: the run that pushed the tag stopped before publishing, or is publishing still. Its GitHub Release is not made from here, since it would announce a version npm does not have, and the package is not published from this checkout, which holds later commits. Re-run the workflow run of the push of ${sha.slice(0, 7)}: from its own checkout it publishes the package, then the GitHub Release.`;
}
function describeObstacle(obstacle) {
  switch (obstacle.kind) {
    case "not-github-actions":
      return "provenance is made on GitHub Actions, and this run is not on it";
    case "no-id-token":
      return "the job cannot ask for an OIDC token; give it `permissions: id-token: write`";
    case "self-hosted":
      return "npm makes provenance only on GitHub-hosted runners, whose build it can vouch for, and this runner is self-hosted";
    case "private-repository":
      return "npm makes provenance only for public repositories (it answers E422 for a private one), and this one is private";
    case "registry":
      return `only registry.npmjs.org takes provenance statements, and this package goes to ${obstacle.registry}`;
  }
}
function describeDistTag(distTag) {
  const { reason } = distTag;
  switch (reason.kind) {
    case "highest-stable":
      return "the highest stable version";
    case "below-latest":
      return reason.latest ? `latest stays on ${reason.latest}, which is higher` : "a higher stable release has latest";
    case "channel":
      return `the ${reason.channel} channel`;
    case "maintenance":
      return `the maintenance line ${reason.range}`;
  }
}
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
var MAX_LISTED_FILES = 100;
function countFiles(count) {
  return `${count} file${count === 1 ? "" : "s"}`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ");
}
function renderPublishSummary(run) {
  if (run.entries.length === 0) return "";
  const lines = [
    `### npm${run.dryRun ? " (dry run: nothing was published)" : ""}`,
    "",
    "| package | version | registry | dist-tag | |",
    "|---|---|---|---|---|"
  ];
  for (const entry of run.entries)
    lines.push(
      `| ${[entry.name ?? entry.release, entry.version, registryOf(entry), distTagOf(entry), outcomeOf(entry)].map(cell).join(" | ")} |`
    );
  lines.push("");
  for (const warning of run.warnings) lines.push(`> :warning: ${cell(describePublishWarning(warning))}`, "");
  for (const entry of run.entries) {
    if (entry.kind !== "would-publish") continue;
    const { tarball } = entry;
    const shown = tarball.files.slice(0, MAX_LISTED_FILES);
    lines.push(
      `<details><summary>${cell(entry.name)}: ${countFiles(tarball.files.length)}, ${formatSize(tarball.size)} packed, ${formatSize(tarball.unpackedSize)} unpacked</summary>`,
      "",
      "| file | size |",
      "|---|---|",
      ...shown.map((f) => `| \`${cell(f.path).replace(/`/g, "'")}\` | ${formatSize(f.size)} |`),
      ...tarball.files.length > shown.length ? [`| \u2026 and ${tarball.files.length - shown.length} more | |`] : [],
      "",
      "</details>",
      ""
    );
  }
  return `${lines.join("\n")}
`;
}
function renderPublishText(run) {
  if (run.entries.length === 0) return "";
  const lines = run.entries.map((entry) => {
    const what = `${entry.name ?? entry.release}@${entry.version}`;
    switch (entry.kind) {
      case "published":
        return `npm: published ${what} to ${entry.registry} (dist-tag ${entry.distTag.tag}: ${describeDistTag(entry.distTag)})`;
      case "already-published":
        return `npm: ${what} is on ${entry.registry} already`;
      case "skipped":
        return `npm: ${what} not published (${entry.reason === "private" ? "private in package.json" : "a later release took its tag"})`;
      case "would-publish":
        return `npm: would publish ${what} to ${entry.registry} (dist-tag ${entry.distTag.tag}: ${describeDistTag(entry.distTag)}), ${countFiles(entry.tarball.files.length)}, ${formatSize(entry.tarball.size)}: ${entry.tarball.files.map((f) => f.path).join(", ")}`;
    }
  });
  for (const warning of run.warnings) lines.push(`warning: ${describePublishWarning(warning)}`);
  return `${lines.join("\n")}
`;
}
function publishedOutput(run) {
  const published = (run?.entries ?? []).flatMap(
    (e) => e.kind === "published" ? [{ name: e.name, version: e.version, registry: e.registry, distTag: e.distTag.tag }] : []
  );
  return JSON.stringify(published);
}
function describeLatestMove(move, dryRun) {
  const what = `${move.name}@${move.version}`;
  switch (move.kind) {
    case "move":
      return `${dryRun ? "Would move" : "Moved"} npm's latest for ${move.name} to ${move.version}${move.from ? ` (from ${move.from})` : ""} on ${move.registry}.`;
    case "already":
      return `npm's latest for ${move.name} is ${move.version} already.`;
    case "not-published":
      return `${what} is not on ${move.registry}, so npm's latest was left where it is.`;
  }
}
function registryOf(entry) {
  return entry.kind === "skipped" ? "\u2014" : entry.registry;
}
function distTagOf(entry) {
  return entry.kind === "published" || entry.kind === "would-publish" ? `${entry.distTag.tag} (${describeDistTag(entry.distTag)})` : "\u2014";
}
function outcomeOf(entry) {
  switch (entry.kind) {
    case "published":
      return `published${entry.provenance ? ", with provenance" : ""}`;
    case "already-published":
      return "already published";
    case "skipped":
      return entry.reason === "private" ? "private: not published" : "superseded: not published";
    case "would-publish":
      return `would publish${entry.provenance ? ", with provenance" : ""}`;
  }
}

export {
  describeConflict,
  conflictHint,
  describePublishWarning,
  describeEarlierUnpublished,
  describeDistTag,
  formatSize,
  renderPublishSummary,
  renderPublishText,
  publishedOutput,
  describeLatestMove
};

import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// node_modules/@renovatebot/pep440/lib/version.js
var VERSION_PATTERN = [
  "v?",
  "(?:",
  /* */
  "(?:(?<epoch>[0-9]+)!)?",
  // epoch
  /* */
  "(?<release>[0-9]+(?:\\.[0-9]+)*)",
  // release segment
  /* */
  "(?<pre>",
  // pre-release
  /*    */
  "[-_\\.]?",
  /*    */
  "(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))",
  /*    */
  "[-_\\.]?",
  /*    */
  "(?<pre_n>[0-9]+)?",
  /* */
  ")?",
  /* */
  "(?<post>",
  // post release
  /*    */
  "(?:-(?<post_n1>[0-9]+))",
  /*    */
  "|",
  /*    */
  "(?:",
  /*        */
  "[-_\\.]?",
  /*        */
  "(?<post_l>post|rev|r)",
  /*        */
  "[-_\\.]?",
  /*        */
  "(?<post_n2>[0-9]+)?",
  /*    */
  ")",
  /* */
  ")?",
  /* */
  "(?<dev>",
  // dev release
  /*    */
  "[-_\\.]?",
  /*    */
  "(?<dev_l>dev)",
  /*    */
  "[-_\\.]?",
  /*    */
  "(?<dev_n>[0-9]+)?",
  /* */
  ")?",
  ")",
  "(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"
  // local version
].join("");
var validRegex = new RegExp("^" + VERSION_PATTERN + "$", "i");
var cleanRegex = new RegExp("^\\s*" + VERSION_PATTERN + "\\s*$", "i");
function parse(version, regex) {
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split(".").map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local)
  };
  return parsed;
}
function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  parts.push(release.join("."));
  if (pre) {
    parts.push(pre.join(""));
  }
  if (post) {
    parts.push("." + post.join(""));
  }
  if (dev) {
    parts.push("." + dev.join(""));
  }
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join("");
}
function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    if (!number) {
      number = 0;
    }
    letter = letter.toLowerCase();
    if (letter === "alpha") {
      letter = "a";
    } else if (letter === "beta") {
      letter = "b";
    } else if (["c", "pre", "preview"].includes(letter)) {
      letter = "rc";
    } else if (["rev", "r"].includes(letter)) {
      letter = "post";
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    letter = "post";
    return [letter, Number(number)];
  }
  return null;
}
function parse_local_version(local) {
  if (local) {
    return local.split(/[._-]/).map(
      (part) => Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)
    );
  }
  return null;
}
function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  let base_version = "";
  if (epoch !== 0) {
    base_version += epoch + "!";
  }
  base_version += release.join(".");
  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);
  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join(".") : local,
    public: stringify(parsed).split("+", 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease
  };
}

// node_modules/@renovatebot/pep440/lib/operator.js
function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);
  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);
  return pyCompare(keyVersion, keyOther);
}
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}
function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();
  if (!pre && !post && dev) pre = -Infinity;
  else if (!pre) pre = Infinity;
  if (!post) post = -Infinity;
  if (!dev) dev = Infinity;
  if (!local) {
    local = -Infinity;
  } else {
    local = local.map(
      (i) => Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ""]
    );
  }
  return [epoch, release, pre, post, dev, local];
}

// node_modules/@renovatebot/pep440/lib/specifier.js
var RANGE_PATTERN = [
  "(?<operator>(===|~=|==|!=|<=|>=|<|>))",
  "\\s*",
  "(",
  /*  */
  "(?<version>(?:" + VERSION_PATTERN.replace(/\?<\w+>/g, "?:") + "))",
  /*  */
  "(?<prefix>\\.\\*)?",
  /*  */
  "|",
  /*  */
  "(?<legacy>[^,;\\s)]+)",
  ")"
].join("");
var rangeRegex = new RegExp("^" + RANGE_PATTERN + "$", "i");

// src/versions/pep440.ts
var import_semver = __toESM(require_semver(), 1);
function readPep440Suffix(text) {
  if (text === "" || /^\d/.test(text)) return null;
  const parsed = explain(`0${text}`);
  if (parsed === null || parsed.epoch !== 0 || parsed.release.length !== 1 || parsed.local !== null) return null;
  const { pre, post, dev } = parsed;
  const found = [
    ...pre === null ? [] : [{ kind: pre[0], number: Number(pre[1]) }],
    ...post === null ? [] : [{ kind: "post", number: post }],
    ...dev === null ? [] : [{ kind: "dev", number: dev }]
  ];
  const only = found.length === 1 ? found[0] : null;
  return only !== null && Number.isSafeInteger(only.number) ? only : null;
}
function writePep440Suffix(suffix) {
  return suffix.kind === "dev" || suffix.kind === "post" ? `.${suffix.kind}${suffix.number}` : `${suffix.kind}${suffix.number}`;
}
function comparePep440(a, b) {
  return compare(a, b);
}
function readPep440Stage(id) {
  const suffix = /^[a-z]+$/i.test(id) ? readPep440Suffix(id) : null;
  return suffix === null || suffix.kind === "post" ? null : suffix.kind;
}
function requirePep440Stage(id) {
  const stage = readPep440Stage(id);
  if (stage !== null) return stage;
  throw new VersoError("EINVALIDCONFIG", `The prerelease channel "${id}" has no PEP 440 spelling (version-style: pep440).`, {
    hint: "PEP 440 prereleases are alpha (a), beta (b), rc (also c, pre, preview) and dev: name the channel one of those."
  });
}
function parsePep440Semver(text) {
  const match = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})(.*)$/s.exec(text);
  if (match === null) return null;
  const core = `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}`;
  const rest = match[4];
  if (rest === "") return new import_semver.default.SemVer(core);
  const suffix = readPep440Suffix(rest);
  if (suffix === null) return null;
  return new import_semver.default.SemVer(suffix.kind === "post" ? `${core}+post.${suffix.number}` : `${core}-${suffix.kind}.${suffix.number}`);
}
function writePep440Semver(version) {
  const [stage, number] = version.prerelease;
  const [post, postNumber] = version.build;
  const core = `${version.major}.${version.minor}.${version.patch}`;
  const pre = stage === void 0 ? "" : writePep440Suffix({ kind: String(stage), number: Number(number ?? 0) });
  return core + pre + (post === "post" ? writePep440Suffix({ kind: "post", number: Number(postNumber ?? 0) }) : "");
}

export {
  readPep440Suffix,
  writePep440Suffix,
  comparePep440,
  readPep440Stage,
  requirePep440Stage,
  parsePep440Semver,
  writePep440Semver
};

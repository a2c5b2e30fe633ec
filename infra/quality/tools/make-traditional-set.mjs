#!/usr/bin/env node
// Writes a variant of an evaluation set in which every provider writes Chinese in traditional characters, as experts
// in Hong Kong, Macao and Taiwan do, and the demands stay as written (ADR 0084). The conversion is OpenCC's
// (npm opencc-js, MIT and Apache-2.0; Hong Kong standard characters, with OpenCC's phrase tables), a converter of its
// own, not the table matching uses to read traditional text: the variant tests that table, it is not made by it.
//
//   node infra/quality/tools/make-traditional-set.mjs [set] [opencc-js version]
//
// (default: third, the pinned version). Reads infra/quality/sets/<set>, writes infra/quality/sets/<set>-traditional.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PINNED = '1.4.2';
const set = process.argv[2] ?? 'third';
const version = process.argv[3] ?? PINNED;
const sets = join(dirname(fileURLToPath(import.meta.url)), '..', 'sets');
const source = join(sets, set);
const target = join(sets, `${set}-traditional`);
/** The lines of a provider's block that hold its own words; ids, codes, places and judgements are left alone. */
const PROFILE_TEXT = /^(name|org|title|skills|keywords|summary|ach): /;

const work = mkdtempSync(join(tmpdir(), 'opencc-'));
try {
  execFileSync('npm', ['pack', `opencc-js@${version}`, '--silent'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', `opencc-js-${version}.tgz`], { cwd: work });
  const OpenCC = await import(pathToFileURL(join(work, 'package', 'dist', 'esm', 'full.js')).href);
  const traditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  let converted = 0;
  for (const file of readdirSync(source).filter(name => name.endsWith('.txt')).sort()) {
    let inProvider = false;
    const lines = readFileSync(join(source, file), 'utf8').split('\n').map(line => {
      if (/^(provider|demand) /.test(line)) inProvider = line.startsWith('provider ');
      if (!inProvider || !PROFILE_TEXT.test(line)) return line;
      const written = traditional(line);
      if (written !== line) converted++;
      return written;
    });
    writeFileSync(join(target, file), lines.join('\n'));
  }
  writeFileSync(join(target, 'README.md'), [
    `# The ${set} set, its providers writing in traditional characters`,
    '',
    `Generated from \`infra/quality/sets/${set}\` by \`infra/quality/tools/make-traditional-set.mjs\`; do not edit by hand.`,
    `Every Chinese line of a provider's profile (name, organisation, title, skills, keywords, summary, achievements)`,
    `is converted to Hong Kong standard traditional characters by OpenCC (npm opencc-js@${version}, with its phrase`,
    `tables); demands, judgements, places and codes are those of the ${set} set. The judgements stand unchanged: a`,
    `profile says the same thing in either script. See ADR 0084.`,
    '',
  ].join('\n'));
  console.log(`${set}: ${converted} provider lines converted with opencc-js@${version} -> ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

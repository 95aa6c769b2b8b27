/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+07:00.
 *
 * Rules: a month begins on the local day of a new moon; month 11 is the month containing
 * the December solstice; when 13 months lie between two months 11, the first of them that
 * contains no major solar term (trung khí, a multiple of 30° of solar longitude) is the leap
 * month and repeats the number of the month before it.
 *
 * Vietnam and China use the same rules but different meridians (105°E vs 120°E), so dates
 * differ whenever a new moon or a solar term falls between 23:00 and 24:00 Beijing time.
 *
 * Accuracy: new moons follow Meeus, Astronomical Algorithms ch. 49 (error < 1 min), the sun
 * follows Meeus ch. 25 (≈ 0.01°, about 15 min of time). Supported years: SUPPORTED_YEARS.
 */
import { type LegalDate, isLegalDate } from './legal-time.js';

export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Tested for 1900–2199; the margin either side only serves neighbouring-year look-ups, with ΔT extrapolated. */
export const SUPPORTED_YEARS = { from: 1850, to: 2250 } as const;

const TZ = 7 / 24; // day fraction of UTC+07:00
const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588861;
const UNIX_EPOCH_JDN = 2440588;

// ---- civil dates as Julian day numbers (integers, one per local day) ----

function jdnOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + UNIX_EPOCH_JDN;
}

function jdnToDate(jdn: number): LegalDate {
  return new Date((jdn - UNIX_EPOCH_JDN) * 86_400_000).toISOString().slice(0, 10);
}

/** The local day (UTC+7) in which the instant `jd` (Julian date, UT) falls. */
function localDay(jd: number): number {
  return Math.floor(jd + 0.5 + TZ);
}

/** The instant (Julian date, UT) at which local day `jdn` begins. */
function localMidnight(jdn: number): number {
  return jdn - 0.5 - TZ;
}

// ---- astronomy ----

/**
 * ΔT = TT − UT in days (Espenak & Meeus polynomials). The series below give TT; civil days
 * follow UT, and ΔT reaches several minutes by 2200, enough to move a borderline new moon.
 */
function deltaT(year: number): number {
  let s: number;
  if (year < 1920) {
    const t = year - 1900;
    s = -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  } else if (year < 1941) {
    const t = year - 1920;
    s = 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  } else if (year < 1961) {
    const t = year - 1950;
    s = 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  } else if (year < 1986) {
    const t = year - 1975;
    s = 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  } else if (year < 2005) {
    const t = year - 2000;
    s = 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  } else if (year < 2050) {
    const t = year - 2000;
    s = 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  } else {
    const u = (year - 1820) / 100;
    s = -20 + 32 * u * u - (year < 2150 ? 0.5628 * (2150 - year) : 0);
  }
  return s / 86_400;
}

// Periodic terms of the true new moon (Meeus table 49.A): coefficient, E power, multiples of M, M', F, Ω.
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0], [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0], [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0], [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0], [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary perturbations (Meeus, "additional corrections"): A = a + b·k, coefficient in days.
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [299.77, 0.107408, 0.000325], [251.88, 0.016321, 0.000165], [251.83, 26.651886, 0.000164],
  [349.42, 36.412478, 0.000126], [84.66, 18.206239, 0.00011], [141.74, 53.303771, 0.000062],
  [207.14, 2.453732, 0.00006], [154.84, 7.30686, 0.000056], [34.52, 27.261239, 0.000047],
  [207.19, 0.121824, 0.000042], [291.34, 1.844379, 0.00004], [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035], [331.55, 3.592518, 0.000023],
];

/** Instant (Julian date, UT) of lunation k; k = 0 is the new moon of 6 January 2000. */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3) * RAD;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4) * RAD;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4) * RAD;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3) * RAD;
  let correction = 0;
  for (const [c, e, m, mp, f, om] of NEW_MOON_TERMS) {
    correction += c * E ** e * Math.sin(m * M + mp * Mp + f * F + om * Om);
  }
  for (const [i, [a, b, c]] of PLANETARY_TERMS.entries()) {
    const A = a + b * k - (i === 0 ? 0.009173 * T ** 2 : 0);
    correction += c * Math.sin(A * RAD);
  }
  return jde + correction - deltaT(2000 + k / 12.3685);
}

/** Apparent ecliptic longitude of the sun in degrees [0, 360) at instant `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd + deltaT(2000 + (jd - 2451545) / 365.25) - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = (357.52911 + 35999.05029 * T - 0.0001537 * T ** 2) * RAD;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.000289 * Math.sin(3 * M);
  const omega = (125.04 - 1934.136 * T) * RAD;
  const lambda = L0 + C - 0.00569 - 0.00478 * Math.sin(omega);
  return ((lambda % 360) + 360) % 360;
}

// ---- calendar structure ----

const newMoonDays = new Map<number, number>();

/** Local day on which lunation k begins a month. */
function monthStartDay(k: number): number {
  let day = newMoonDays.get(k);
  if (day === undefined) {
    day = localDay(newMoonJd(k));
    newMoonDays.set(k, day);
  }
  return day;
}

/** Index (0–11) of the last major term reached when local day `jdn` begins. */
function termIndexAt(jdn: number): number {
  return Math.floor(sunLongitude(localMidnight(jdn)) / 30);
}

/** Lunation number of month 11 of the Gregorian year `year` (the month holding its December solstice). */
function month11Lunation(year: number): number {
  // The solstice day is the local day during which the longitude passes 270°.
  let solstice = jdnOf(year, 12, 18);
  while (sunLongitude(localMidnight(solstice + 1)) < 270) solstice++;
  let k = Math.floor((solstice - 2451550.1) / SYNODIC_MONTH);
  while (monthStartDay(k + 1) <= solstice) k++;
  while (monthStartDay(k) > solstice) k--;
  return k;
}

/**
 * The run of months from month 11 of Gregorian year Y−1 up to (not including) month 11 of Y.
 * It holds months 11–12 of lunar year Y−1 and months 1–10 of lunar year Y.
 * `leapOffset` is the position of the leap month after month 11 (1–12), or 0 if none.
 */
type Cycle = { k11: number; leapOffset: number };
const cycles = new Map<number, Cycle>();

function cycle(Y: number): Cycle {
  const cached = cycles.get(Y);
  if (cached) return cached;
  const k11 = month11Lunation(Y - 1);
  let leapOffset = 0;
  if (month11Lunation(Y) - k11 === 13) {
    for (let i = 1; i <= 12 && leapOffset === 0; i++) {
      if (termIndexAt(monthStartDay(k11 + i)) === termIndexAt(monthStartDay(k11 + i + 1))) leapOffset = i;
    }
    if (leapOffset === 0) throw new Error(`no month without a major term in lunar year ${Y}`);
  }
  const result = { k11, leapOffset };
  cycles.set(Y, result);
  return result;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to) {
    throw new RangeError(`lunar year ${year} outside ${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`);
  }
}

/** Lunation number of lunar month (year, month, leap); RangeError if that month does not exist. */
function lunationOf(year: number, month: number, leap: boolean): number {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month ${month} out of range`);
  const { k11, leapOffset } = cycle(month >= 11 ? year + 1 : year);
  const regular = (month + 1) % 12; // position after month 11 when there is no leap month
  if (leap) {
    if (leapOffset !== regular + 1) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    return k11 + leapOffset;
  }
  return k11 + (leapOffset !== 0 && regular >= leapOffset ? regular + 1 : regular);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const k = lunationOf(year, month, leap);
  return monthStartDay(k + 1) - monthStartDay(k);
}

/** The leap month of a lunar year (1–12), or null if the year has 12 months. */
export function leapMonthOf(year: number): number | null {
  checkYear(year);
  const inYear = cycle(year).leapOffset; // leap of months 1–10 sits 3–12 places after month 11
  if (inYear >= 3) return inYear - 2;
  const atEnd = cycle(year + 1).leapOffset; // leap 11 or 12 sits right after month 11 or 12
  return atEnd === 1 || atEnd === 2 ? atEnd + 10 : null;
}

export function lunarToSolar(year: number, month: number, day: number, leap = false): LegalDate {
  const k = lunationOf(year, month, leap);
  const start = monthStartDay(k);
  const length = monthStartDay(k + 1) - start;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`lunar ${day}/${month}${leap ? ' nhuận' : ''}/${year} does not exist (month has ${length} days)`);
  }
  return jdnToDate(start + day - 1);
}

export function solarToLunar(date: LegalDate): LunarDate {
  if (!isLegalDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  checkYear(y);
  const jdn = jdnOf(y, m, d);
  const Y = jdn >= monthStartDay(month11Lunation(y)) ? y + 1 : y;
  const { k11, leapOffset } = cycle(Y);
  let offset = Math.floor((jdn - monthStartDay(k11)) / SYNODIC_MONTH);
  while (monthStartDay(k11 + offset + 1) <= jdn) offset++;
  while (monthStartDay(k11 + offset) > jdn) offset--;
  const regular = leapOffset !== 0 && offset >= leapOffset ? offset - 1 : offset;
  const month = ((regular + 10) % 12) + 1;
  return {
    year: month >= 11 ? Y - 1 : Y,
    month,
    day: jdn - monthStartDay(k11 + offset) + 1,
    leap: leapOffset !== 0 && offset === leapOffset,
  };
}

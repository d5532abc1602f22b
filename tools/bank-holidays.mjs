#!/usr/bin/env node
// Regenerates sql/seeds/bank_holidays_england_wales.csv (2015-2030) from the statutory rules plus the
// one-off days proclaimed so far. Run it when a new one-off day is announced, then check the diff.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqlDir } from './python-env.mjs';

const iso = (d) => d.toISOString().slice(0, 10);
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const dow = (d) => d.getUTCDay(); // 0 Sunday

function easterSunday(y) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return day(y, month, dayOfMonth);
}
const firstMonday = (y, m) => {
  let d = day(y, m, 1);
  while (dow(d) !== 1) d = addDays(d, 1);
  return d;
};
const lastMonday = (y, m) => {
  let d = addDays(day(y, m + 1, 1), -1);
  while (dow(d) !== 1) d = addDays(d, -1);
  return d;
};

function holidays(y) {
  const out = [];
  let ny = day(y, 1, 1);
  if (dow(ny) === 6) ny = addDays(ny, 2);
  else if (dow(ny) === 0) ny = addDays(ny, 1);
  out.push([ny, "New Year's Day"]);
  const easter = easterSunday(y);
  out.push([addDays(easter, -2), 'Good Friday'], [addDays(easter, 1), 'Easter Monday']);
  // One-off moves and extra days (proclamations).
  if (y === 2020) out.push([day(2020, 5, 8), 'Early May bank holiday (VE day)']);
  else out.push([firstMonday(y, 5), 'Early May bank holiday']);
  if (y === 2022)
    out.push([day(2022, 6, 2), 'Spring bank holiday'], [day(2022, 6, 3), 'Platinum Jubilee bank holiday']);
  else out.push([lastMonday(y, 5), 'Spring bank holiday']);
  if (y === 2022) out.push([day(2022, 9, 19), 'Bank Holiday for the State Funeral of Queen Elizabeth II']);
  if (y === 2023) out.push([day(2023, 5, 8), 'Bank holiday for the coronation of King Charles III']);
  out.push([lastMonday(y, 8), 'Summer bank holiday']);
  // Christmas and Boxing Day with substitute days when they fall at a weekend.
  const xmas = day(y, 12, 25);
  const w = dow(xmas);
  if (w === 5) out.push([xmas, 'Christmas Day'], [day(y, 12, 28), 'Boxing Day (substitute day)']);
  else if (w === 6)
    out.push([day(y, 12, 27), 'Christmas Day (substitute day)'], [day(y, 12, 28), 'Boxing Day (substitute day)']);
  else if (w === 0) out.push([day(y, 12, 26), 'Boxing Day'], [day(y, 12, 27), 'Christmas Day (substitute day)']);
  else out.push([xmas, 'Christmas Day'], [day(y, 12, 26), 'Boxing Day']);
  return out.sort((a, b) => a[0] - b[0]);
}

const rows = ['holiday_date,holiday_name'];
for (let y = 2015; y <= 2030; y++) for (const [d, name] of holidays(y)) rows.push(`${iso(d)},"${name}"`);
const file = path.join(sqlDir, 'seeds', 'bank_holidays_england_wales.csv');
writeFileSync(file, rows.join('\n') + '\n');
console.log(`wrote ${rows.length - 1} bank holidays to ${file}`);

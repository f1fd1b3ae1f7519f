import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, toICalendar } from './ical.js';
import type { Reminder } from './due.js';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/**
 * A strict little RFC 5545 reader: checks CRLF endings and the 75-octet limit, unfolds, splits
 * name;params:value, unescapes TEXT, and nests components.
 */
function parseICalendar(text: string): { components: { type: string; props: Property[] }[]; calendar: Property[] } {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every LF is preceded by CR');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) assert.ok(new TextEncoder().encode(line).length <= 75, `line over 75 octets: ${line}`);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const calendar: Property[] = [];
  const components: { type: string; props: Property[] }[] = [];
  const stack: string[] = [];
  for (const line of logical) {
    const m = /^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    assert.ok(m, `malformed content line: ${line}`);
    const [, name, rawParams, value] = m;
    if (name === 'BEGIN') {
      stack.push(value);
      if (value !== 'VCALENDAR') components.push({ type: value, props: [] });
      continue;
    }
    if (name === 'END') {
      assert.equal(stack.pop(), value, `END:${value} closes what was opened`);
      continue;
    }
    const params = Object.fromEntries(
      rawParams
        .split(';')
        .filter(Boolean)
        .map((p) => p.split('=') as [string, string]),
    );
    const unescaped = value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    const prop = { name, params, value: unescaped };
    if (stack.length === 1) calendar.push(prop);
    else components[components.length - 1].props.push(prop);
  }
  assert.deepEqual(stack, [], 'every BEGIN has its END');
  return { components, calendar };
}

const get = (props: Property[], name: string) => props.find((p) => p.name === name);

const reminders: Reminder[] = [
  {
    recordId: 'c-1',
    recordTitle: 'ООО «Волжская керамика»',
    pointer: '/contract/validUntil',
    template: '/contract/validUntil',
    dueDate: '2027-03-16',
    eventDate: '2027-04-30',
    who: 'Петров Андрей Сергеевич',
    title: {
      ru: 'Продлить договор ДП-2025/015; клиент: Волжская керамика, Самара — позвонить, согласовать условия \\ скидки',
      en: 'Renew contract DP-2025/015; client: Volga ceramics, Samara',
    },
  },
  {
    recordId: 'c-1',
    recordTitle: 'Волжская керамика',
    pointer: '/roles/people/0/birthday',
    template: '/roles/people/*/birthday',
    dueDate: '2027-12-31',
    eventDate: '2028-01-03',
    title: { ru: 'День рождения', en: 'Birthday' },
    repeat: 'yearly',
  },
];

test('toICalendar writes a VCALENDAR with one all-day VEVENT per reminder that reads back exactly', () => {
  const text = toICalendar(reminders, { locale: 'ru', now: new Date('2026-11-26T18:00:05.123Z'), calendarName: 'Напоминания, CRM' });
  const { components, calendar } = parseICalendar(text);
  assert.equal(get(calendar, 'VERSION')?.value, '2.0');
  assert.ok(get(calendar, 'PRODID')?.value);
  assert.equal(get(calendar, 'X-WR-CALNAME')?.value, 'Напоминания, CRM');
  assert.deepEqual(
    components.map((c) => c.type),
    ['VEVENT', 'VEVENT'],
  );
  const [a, b] = components.map((c) => c.props);
  assert.equal(get(a, 'DTSTART')?.value, '20270316');
  assert.deepEqual(get(a, 'DTSTART')?.params, { VALUE: 'DATE' });
  assert.equal(get(a, 'DTEND')?.value, '20270317');
  assert.equal(get(a, 'DTSTAMP')?.value, '20261126T180005Z');
  assert.equal(get(a, 'SUMMARY')?.value, reminders[0].title.ru, 'SUMMARY round-trips through escaping and folding');
  assert.equal(get(a, 'DESCRIPTION')?.value, 'Дата события: 2027-04-30\nКому: Петров Андрей Сергеевич\nКарточка: ООО «Волжская керамика»');
  assert.equal(get(b, 'DTSTART')?.value, '20271231');
  assert.equal(get(b, 'DTEND')?.value, '20280101', 'the end crosses the year');
  const uids = components.map((c) => get(c.props, 'UID')!.value);
  assert.equal(new Set(uids).size, 2, 'UIDs are unique');
  assert.match(uids[0], /^kc-[0-9a-f]{16}@kartochka\.invalid$/);
  assert.equal(
    toICalendar(reminders, { locale: 'ru', now: new Date(0) })
      .match(/UID:.*/g)!
      .join(),
    text.match(/UID:.*/g)!.join(),
    'UIDs are stable',
  );
  for (const c of components) for (const required of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) assert.ok(get(c.props, required), required);
});

test('English text and an empty calendar', () => {
  const en = parseICalendar(toICalendar(reminders, { now: new Date(0) }));
  assert.equal(get(en.components[0].props, 'SUMMARY')?.value, reminders[0].title.en);
  const empty = parseICalendar(toICalendar([], { now: new Date(0) }));
  assert.deepEqual(empty.components, []);
});

test('escaping and folding', () => {
  assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
  const line = 'SUMMARY:' + 'Ж'.repeat(60);
  const folded = foldLine(line);
  for (const l of folded.split('\r\n')) assert.ok(new TextEncoder().encode(l).length <= 75);
  assert.equal(
    folded
      .split('\r\n')
      .map((l, i) => (i ? l.slice(1) : l))
      .join(''),
    line,
    'no character is split',
  );
  assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  const emoji = foldLine('X:' + '😀'.repeat(40));
  assert.ok(!emoji.includes('\uFFFD'));
  assert.equal(
    emoji
      .split('\r\n')
      .map((l, i) => (i ? l.slice(1) : l))
      .join(''),
    'X:' + '😀'.repeat(40),
  );
});

/** Reminders from `x-reminder` date fields: which are due, and as an iCalendar file. */
export { collectReminderSpecs, type ReminderConfig, type ReminderSpec, type ReminderText } from './collect.js';
export { dueReminders, type Reminder, type ReminderPeriod, type ReminderRecord } from './due.js';
export { toICalendar, escapeText as escapeICalText, foldLine as foldICalLine, type ICalendarOptions } from './ical.js';
export { addDays as addCalendarDays, calendarDate, daysInMonth, formatIsoDate, isLeapYear, parseIsoDate, type CivilDate } from './dates.js';

// Calendar dates live in @lectern/teaching (shared with the CLI's centre report).
export {
  type CalendarDate,
  isLeapYear,
  daysInMonth,
  parseCalendarDate,
  isCalendarDate,
  calendarDate,
  localCalendarDate,
  displayInstant,
  formatCalendarDate,
} from '@lectern/teaching';

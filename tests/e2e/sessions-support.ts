// Recording a class in the sessions screen as a lecturer does (English UI), for the e2e tests
// that need one: the form's labels, the deck left as "No deck / other".
import type { Page } from 'playwright';
import { expect } from 'vitest';

export interface ClassValues {
  date: string;
  className: string;
  /** The cohort's English label, e.g. "New party members". */
  cohort: string;
  learners: string;
  minutes: string;
}

/** Adds one session on the open sessions screen and waits until the form has closed (saved). */
export async function recordSession(page: Page, values: ClassValues): Promise<void> {
  await page.getByRole('button', { name: 'Add session' }).click();
  await page.getByLabel('Date', { exact: true }).fill(values.date);
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: '— No deck / other —' });
  await page.getByLabel('Class', { exact: true }).fill(values.className);
  await page.getByLabel('Cohort', { exact: true }).selectOption({ label: values.cohort });
  await page.getByLabel('Learners', { exact: true }).fill(values.learners);
  await page.getByLabel('Minutes', { exact: true }).fill(values.minutes);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
}

import type { Locator, Page } from 'playwright-core';

/** Polls until `check` is true; the browser and the services work asynchronously. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens a MUI select by its label and picks the option whose text contains `option`. */
export async function pickSelect(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}

/** Types into an autocomplete (a cross-service reference) and picks the suggestion containing `option`. */
export async function pickAutocomplete(page: Page, label: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}

/** Waits until an edit form shows the stored value, so typing is not undone by the record arriving. */
export async function whenLoaded(input: Locator, value: string): Promise<void> {
  await waitFor(async () => (await input.inputValue()) === value, `the form to show "${value}"`);
}

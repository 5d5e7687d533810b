import type { Page } from 'playwright-core';

/** Where the parts the person on call looks for first sit on the page, in CSS pixels from its top. */
export interface PhoneFigures {
  headerBottom: number | null;
  acknowledgeBottom: number | null;
  firstRowTop: number | null;
  firstRowBottom: number | null;
  timelineTop: number | null;
  documentWidth: number;
  documentHeight: number;
  viewportWidth: number;
  viewportHeight: number;
}

/**
 * The page's figures at the scroll position it is at now (the tests measure unscrolled pages). Run in the page
 * from a string so that what is measured is exactly what the report's before/after figures say.
 */
export function measurePhoneLayout(page: Page): Promise<PhoneFigures> {
  return page.evaluate(() => {
    const pageY = (selector: string, edge: 'top' | 'bottom'): number | null => {
      const element = document.querySelector(selector);
      return element === null ? null : Math.round(element.getBoundingClientRect()[edge] + window.scrollY);
    };
    const root = document.scrollingElement ?? document.documentElement;
    return {
      headerBottom: pageY('.app-header', 'bottom'),
      acknowledgeBottom: pageY('[data-testid="action-acknowledge"]', 'bottom'),
      firstRowTop: pageY('[data-testid="incident-row"]', 'top'),
      firstRowBottom: pageY('[data-testid="incident-row"]', 'bottom'),
      timelineTop: pageY('.timeline-section', 'top'),
      documentWidth: root.scrollWidth,
      documentHeight: root.scrollHeight,
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
    };
  });
}

/**
 * Every visible element sticking out of the viewport on the left or the right, described by its tag, classes and
 * test id. Off-screen on purpose (the skip link until focused, visually hidden text) and hidden parts do not count.
 */
export function elementsWiderThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      // Hidden parts (a closed menu or disclosure) have boxes in Chromium but nothing on screen.
      if (element.closest('.skip-link, .visually-hidden') !== null || !element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < -1 || box.right > window.innerWidth + 1) {
        const testId = element.getAttribute('data-testid');
        found.push(
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${testId === null ? '' : `[${testId}]`}` +
            ` ${Math.round(box.left)}…${Math.round(box.right)}`,
        );
      }
    }
    return found;
  });
}

/** Opens the header's menu when a narrow screen folds it behind its button, as a keyboard user would. */
export async function openHeaderMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  await toggle.waitFor({ state: 'attached' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.press('Enter');
}

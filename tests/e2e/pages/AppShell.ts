import type { Locator, Page } from '@playwright/test';

/**
 * The window around the views: menus, view switching, dialogs. Menu actions go through the in-app
 * menu bar, which the browser host shows; where the page has no menu bar (Electron, native menus),
 * the same actions use the header's buttons so the page objects work unchanged in both suites.
 */
export class AppShell {
  constructor(readonly page: Page) {}

  get menuBar(): Locator {
    return this.page.getByRole('menubar', { name: 'Application menu' });
  }

  /** Chooses `item` from the in-app menu `menu` (e.g. File ▸ Open…). */
  async chooseMenu(menu: string, item: string, subItem?: string): Promise<void> {
    await this.menuBar.getByRole('menuitem', { name: menu, exact: true }).click();
    const list = this.page.getByRole('menu', { name: menu });
    await list.getByRole('menuitem', { name: new RegExp(`^${escape(item)}`) }).click();
    if (subItem) await this.page.getByRole('menu', { name: item }).getByRole('menuitem', { name: subItem }).click();
  }

  async hasMenuBar(): Promise<boolean> {
    return (await this.menuBar.count()) > 0;
  }

  views(): Locator {
    return this.page.getByRole('navigation', { name: 'Views' });
  }

  async showTrash(): Promise<void> {
    await this.views().getByRole('button', { name: /^Trash/ }).click();
  }

  async showCases(): Promise<void> {
    await this.views().getByRole('button', { name: 'Cases', exact: true }).click();
  }

  async openFieldsManager(): Promise<void> {
    await this.views().getByRole('button', { name: 'Fields…' }).click();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Error toasts and inline errors. */
  alerts(): Locator {
    return this.page.getByRole('alert');
  }

  /** The toast (status message) whose text matches. */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByRole('grid').first().waitFor();
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

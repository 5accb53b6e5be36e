/**
 * The WPS ribbon's callbacks (ribbon.xml names them): 打开任务窗格 docks the pane, 一键校验
 * validates the current sheet without it, through the same use-case as Excel's button.
 * WPS looks the callbacks up as global functions of the add-in's index.html.
 */
import { failureMessage } from '../app/failure';
import { detectCapabilities } from '../ports/wps/capabilities';
import type { EtApplicationLike } from '../ports/wps/et';
import { WpsWorkbookPort } from '../ports/wps/wps-workbook';
import { ribbonValidate } from './ribbon-validate';

/** The part of WPS's Application the ribbon uses beyond the spreadsheet model. */
export interface WpsShell extends EtApplicationLike {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
}

/** msoCTPDockPositionRight. */
const DOCK_RIGHT = 2;
const PANE_KEY = 'nianbao_taskpane_id';
const PANE_TITLE = '年报助手';

export interface RibbonHost {
  Application: WpsShell;
  location: { href: string };
  alert(message: string): void;
}

export function ribbonCallbacks(host: RibbonHost) {
  const paneUrl = () => new URL('taskpane.html', host.location.href).toString();
  return {
    OnAddinLoad: () => true,
    /** Shows the pane, creating it the first time; a second click leaves it open. */
    OnOpenPane: () => {
      const app = host.Application;
      const storage = app.PluginStorage;
      const id = storage.getItem(PANE_KEY);
      let pane: WpsTaskPane | null = null;
      if (typeof id === 'number') {
        try {
          pane = app.GetTaskPane(id);
        } catch {
          pane = null; // closed with its document: make a new one
        }
      }
      if (!pane) {
        pane = app.CreateTaskPane(paneUrl(), PANE_TITLE);
        storage.setItem(PANE_KEY, pane.ID);
        pane.DockPosition = DOCK_RIGHT;
      }
      pane.Visible = true;
      return true;
    },
    /** 一键校验: the message box comes once the sheet is validated and painted. */
    OnValidate: () => {
      const app = host.Application;
      const done = (async () => {
        try {
          const port = new WpsWorkbookPort(app, detectCapabilities(app));
          host.alert((await ribbonValidate(port)).message);
        } catch (e) {
          host.alert(failureMessage(e));
        }
      })();
      return done;
    },
    GetImage: (control: { Id?: string }) => (control?.Id === 'nianbaoValidate' ? 'assets/icon-32.png' : 'assets/icon-80.png'),
  };
}

/** Puts the callbacks where WPS looks for them. */
export function installRibbon(host: RibbonHost & Record<string, unknown>) {
  Object.assign(host, ribbonCallbacks(host));
}

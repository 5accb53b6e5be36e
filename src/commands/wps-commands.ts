/** The WPS add-in's index.html script: the ribbon callbacks on its window. */
import { installRibbon, type RibbonHost } from './wps-ribbon';

installRibbon(window as unknown as RibbonHost & Record<string, unknown>);

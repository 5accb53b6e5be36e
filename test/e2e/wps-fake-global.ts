/** Puts a fake WPS on the page as WPS would: window.Application, and window.fake to look at its state. */
import { FakeEt } from '../wps/fake-et';

const et = new FakeEt();
Object.assign(window, { Application: et.app, fake: et });

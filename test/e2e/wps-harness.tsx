/** The real WPS task pane (src/taskpane/wps.tsx) over the fake WPS host, for the browser test: WPS's Application is set first. */
import './wps-fake-global';
import '../../src/taskpane/wps';

// Starts Reflet. An external file (not an inline script) so that the Content-Security-Policy
// stays strict and identical on every build.
import init from './reflet.js';

init({ module_or_path: new URL('./reflet_bg.wasm', import.meta.url) }).catch(() => {
  // The app could not start (an old browser, a blocked or missing file): say so in plain HTML.
  document.documentElement.classList.add('boot-failed');
});

// Starts Reflet. An external file (not an inline script) so that the Content-Security-Policy
// stays strict and identical on every build.
import init from './reflet.js';

init({ module_or_path: new URL('./reflet_bg.wasm', import.meta.url) }).catch(() => {
  // The app could not start (an old browser, a blocked or missing file): say so in plain HTML.
  document.documentElement.classList.add('boot-failed');
});

// Offline use (sw.js keeps the app's files on this device). Where it stands is written on the
// page's root as data-offline, for the promise page and the tests:
// "insecure" (plain http on another host: browsers allow service workers only in a secure
// context), "unsupported" (no service workers here, e.g. a private window), "pending" (the files
// are being kept, or sw.js checked), "ready" (this device can open Reflet again without a
// network), "failed". The app counts as loaded only once it is no longer "pending": the files
// are fetched, and sw.js checked, while Reflet loads, never after.
const offline = (state) => { document.documentElement.dataset.offline = state; };
if (!window.isSecureContext) {
  offline('insecure');
} else if (!('serviceWorker' in navigator)) {
  offline('unsupported');
} else {
  offline('pending');
  // The browser checks sw.js for a new version a moment after each visit (the service worker
  // specification's "soft update"), on its own: that would be a request after load. With
  // updateViaCache 'all', that check goes through the browser's HTTP cache, and the host sends
  // sw.js with `Cache-Control: max-age=86400` (README "Hosting"): the cache answers, and nothing
  // is requested, until a day has passed since the last check that reached the server (then the
  // specification has the browser ask the server, whatever the cache holds). That daily check is
  // made here, during load: update() asks the cache, or the server once a day, and the browser's
  // own check, a moment later, finds the answer in its cache.
  navigator.serviceWorker.register('./sw.js', { updateViaCache: 'all' })
    .then((registration) => (registration.active
      ? registration.update().then(() => registration, () => registration)
      : registration))
    .then(function settle(registration) {
      // An installation in progress (the first visit, or a new sw.js) fetches the files: wait.
      const installing = registration.installing;
      if (installing) {
        installing.addEventListener('statechange', () => settle(registration), { once: true });
        return;
      }
      offline(registration.active || registration.waiting ? 'ready' : 'failed');
    }).catch(() => offline('failed'));
}

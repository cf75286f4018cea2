// The privacy promise as a test guard.
//
// It records every request the browser context makes, the page's and its workers' alike, and:
// - aborts any request to another origin (so nothing can leak even while a test fails), and
//   reports it;
// - once `markLoaded()` is called (the app has loaded; files are about to be opened), reports any
//   request at all.
// - reports any WebSocket, which it never lets connect (Reflet opens none).
// `blob:` and `data:` URLs are not requests (DESIGN.md) and never reach it.

export class NetworkGuard {
  constructor(origin) {
    this.origin = origin;
    this.requests = [];   // { url, afterLoad }
    this.blocked = [];    // cross-origin URLs, aborted
    this.sockets = [];    // WebSocket URLs, never connected
    this.loaded = false;
  }

  static async attach(context, origin) {
    const guard = new NetworkGuard(origin);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (guard.isSameOrigin(url)) return route.continue();
      guard.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => guard.record(request.url()));
    await context.routeWebSocket(/.*/, (socket) => {
      guard.sockets.push(socket.url());
      socket.close();
    });
    return guard;
  }

  isSameOrigin(url) {
    try { return new URL(url).origin === this.origin; } catch { return false; }
  }

  record(url) {
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    this.requests.push({ url, afterLoad: this.loaded });
  }

  markLoaded() { this.loaded = true; }

  // The page is loaded again (a reload): until `markLoaded()`, its requests are load-time ones.
  markReloading() { this.loaded = false; }

  requestsAfterLoad() { return this.requests.filter((r) => r.afterLoad).map((r) => r.url); }

  violations() {
    const crossOrigin = this.requests.filter((r) => !this.isSameOrigin(r.url)).map((r) => `other origin: ${r.url}`);
    const late = this.requests.filter((r) => r.afterLoad && this.isSameOrigin(r.url)).map((r) => `after load: ${r.url}`);
    const blocked = this.blocked.filter((u) => !this.requests.some((r) => r.url === u)).map((u) => `other origin: ${u}`);
    const sockets = this.sockets.map((u) => `websocket: ${u}`);
    return [...crossOrigin, ...blocked, ...late, ...sockets];
  }

  assertClean() {
    const found = this.violations();
    if (found.length) throw new Error(`the privacy promise was broken:\n  ${found.join('\n  ')}`);
  }
}

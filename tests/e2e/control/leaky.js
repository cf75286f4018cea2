// The guard's control: one request to another origin at load, one same-origin request after load.
// The end-to-end suite checks that its guard reports both.
const port = location.port;
fetch(`http://127.0.0.2:${port}/tracker.gif`).catch(() => {});
window.leakLate = () => fetch('./late.txt', { cache: 'no-store' }).then(() => 'done', () => 'done');

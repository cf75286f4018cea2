// The guard's control: one request to another origin at load, one same-origin request and one
// WebSocket after load.
// The end-to-end suite checks that its guard reports both.
const port = location.port;
fetch(`http://127.0.0.2:${port}/tracker.gif`).catch(() => {});
window.leakLate = () => {
  const socket = new WebSocket(`ws://${location.host}/socket`);
  socket.onerror = () => {};
  return fetch('./late.txt', { cache: 'no-store' }).then(() => 'done', () => 'done');
};
